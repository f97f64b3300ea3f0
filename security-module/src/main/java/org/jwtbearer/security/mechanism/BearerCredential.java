package org.jwtbearer.security.mechanism;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a request says about a bearer token (RFC 6750 §2): nothing, a token, or something malformed that
 * deserves {@code invalid_request}.
 */
public sealed interface BearerCredential {

    /** RFC 6750 §2.1: {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    record None() implements BearerCredential {
    }

    record Token(String value) implements BearerCredential {
    }

    record Malformed(String description) implements BearerCredential {
    }

    /**
     * Reads every {@code Authorization} header of a request (RFC 6750 §2.1). The scheme is matched without
     * regard to case (RFC 9110 §11.1); a scheme other than Bearer is not ours to judge. Only spaces separate
     * scheme and token: a tab, an empty token or characters outside the b64token grammar are malformed, and so
     * are two {@code Authorization} headers, since nobody can tell which one the client meant.
     */
    static BearerCredential parse(List<String> authorizationHeaders) {
        if (authorizationHeaders.isEmpty()) {
            return new None();
        }
        if (authorizationHeaders.size() > 1) {
            return new Malformed("The request has more than one Authorization header");
        }
        String header = authorizationHeaders.get(0);
        int end = 0;
        while (end < header.length() && header.charAt(end) != ' ' && header.charAt(end) != '\t') {
            end++;
        }
        if (!header.substring(0, end).toLowerCase(Locale.ROOT).equals("bearer")) {
            return new None();
        }
        if (header.indexOf('\t') >= 0) {
            return new Malformed("The Bearer authorization header contains a tab; scheme and token are separated by a space");
        }
        return bare(header.substring(end).strip(), "The Bearer authorization header");
    }

    /**
     * A token sent on its own, without a scheme: in a cookie, a custom header or an {@code access_token}
     * parameter. {@code values} are all the values the request has in that place; more than one is malformed.
     */
    static BearerCredential bare(List<String> values, String where) {
        if (values.isEmpty()) {
            return new None();
        }
        if (values.size() > 1) {
            return new Malformed(where + " appears more than once");
        }
        return bare(values.get(0), where);
    }

    private static BearerCredential bare(String token, String where) {
        if (token == null || token.isEmpty()) {
            return new Malformed(where + " has no token");
        }
        if (!B64TOKEN.matcher(token).matches()) {
            return new Malformed("The bearer token has characters a token cannot have");
        }
        return new Token(token);
    }
}
