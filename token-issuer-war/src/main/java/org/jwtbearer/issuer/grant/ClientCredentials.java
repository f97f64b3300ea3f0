package org.jwtbearer.issuer.grant;

import java.util.Optional;

/**
 * What the request said about the client: its id and, when it authenticates with one, its secret, and
 * how they came (RFC 6749 §2.3.1).
 */
public record ClientCredentials(Optional<String> clientId, Optional<String> secret, Method method) {

    public enum Method { CLIENT_SECRET_BASIC, CLIENT_SECRET_POST, NONE }

    public static ClientCredentials none(Optional<String> clientId) {
        return new ClientCredentials(clientId, Optional.empty(), Method.NONE);
    }
}
