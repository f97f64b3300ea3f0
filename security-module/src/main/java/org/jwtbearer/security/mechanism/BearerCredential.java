package org.jwtbearer.security.mechanism;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a request's {@code Authorization} headers say about a bearer token (RFC 6750 §2.1): nothing,
 * a token, or something malformed that deserves {@code invalid_request}.
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

    /** Reads every {@code Authorization} header of a request; a scheme other than Bearer is not ours to judge. */
    static BearerCredential parse(List<String> authorizationHeaders) {
        if (authorizationHeaders.isEmpty()) {
            return new None();
        }
        if (authorizationHeaders.size() > 1) {
            return new Malformed("The request has more than one Authorization header");
        }
        String header = authorizationHeaders.get(0);
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        if (!scheme.toLowerCase(Locale.ROOT).equals("bearer")) {
            return new None();
        }
        String token = space < 0 ? "" : header.substring(space + 1).strip();
        if (token.isEmpty()) {
            return new Malformed("The Bearer authorization header has no token");
        }
        if (!B64TOKEN.matcher(token).matches()) {
            return new Malformed("The bearer token has characters a token cannot have");
        }
        return new Token(token);
    }
}
