package org.jwtbearer.security.revocation;

/**
 * What the issuer's introspection endpoint said about a token: {@code active} true or false (RFC 7662 §2.2),
 * or nothing usable — {@code problem} then says why (for the log, never for the client).
 */
public record IntrospectionAnswer(Status status, String problem) {

    public enum Status { ACTIVE, INACTIVE, UNAVAILABLE }

    static final IntrospectionAnswer ACTIVE = new IntrospectionAnswer(Status.ACTIVE, null);
    static final IntrospectionAnswer INACTIVE = new IntrospectionAnswer(Status.INACTIVE, null);

    static IntrospectionAnswer unavailable(String problem) {
        return new IntrospectionAnswer(Status.UNAVAILABLE, problem);
    }
}
