package org.jwtbearer.security.mechanism;

import org.jwtbearer.security.http.ErrorDescription;

/**
 * {@code WWW-Authenticate: Bearer …} values (RFC 6750 §3). Attribute values are quoted strings; anything
 * outside printable ASCII or that would end the quoted string is replaced, so no input can inject a header.
 */
public final class BearerChallenge {

    private BearerChallenge() {
    }

    /** The challenge for a request that brought no credentials: the realm and no error code (RFC 6750 §3.1). */
    public static String missing(String realm) {
        return "Bearer realm=\"" + quoted(realm) + "\"";
    }

    public static String error(String realm, String error, String description) {
        return missing(realm) + ", error=\"" + quoted(error) + "\", error_description=\"" + quoted(description) + "\"";
    }

    public static String insufficientScope(String realm, String scope, String description) {
        return error(realm, "insufficient_scope", description) + ", scope=\"" + quoted(scope) + "\"";
    }

    static String quoted(String value) {
        return ErrorDescription.of(value);
    }
}
