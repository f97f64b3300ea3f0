package org.jwtbearer.security.mechanism;

import java.util.Locale;

import org.eclipse.microprofile.config.Config;

/**
 * Where the mechanism looks for an access token, read from MicroProfile Config. The header and cookie keys
 * are MicroProfile JWT's own, so an application moving off MP-JWT keeps them.
 *
 * @param header         {@code mp.jwt.token.header}: {@code Authorization} (default; the {@code Bearer} scheme,
 *                       RFC 6750 §2.1), {@code Cookie} (the token is the value of the cookie named below), or
 *                       the name of another header whose whole value is the token
 * @param cookie         {@code mp.jwt.token.cookie}: the cookie's name when {@code header} is {@code Cookie}
 *                       (default {@code Bearer})
 * @param queryParameter {@code jwtbearer.token.query-parameter}: accept {@code ?access_token=} (RFC 6750 §2.3;
 *                       default false: tokens in URIs end up in logs and browser histories)
 * @param formParameter  {@code jwtbearer.token.form-parameter}: accept an {@code access_token} field in an
 *                       {@code application/x-www-form-urlencoded} POST body (RFC 6750 §2.2; default false). When on,
 *                       such bodies are parsed by the servlet container before the application sees them, so
 *                       the application must read them as form parameters, not as a raw stream
 */
public record TokenLocations(String header, String cookie, boolean queryParameter, boolean formParameter) {

    public static final String HEADER = "mp.jwt.token.header";
    public static final String COOKIE = "mp.jwt.token.cookie";
    public static final String QUERY_PARAMETER = "jwtbearer.token.query-parameter";
    public static final String FORM_PARAMETER = "jwtbearer.token.form-parameter";

    static final String AUTHORIZATION = "Authorization";

    /** The defaults: the {@code Authorization} header only. */
    public static final TokenLocations DEFAULT = new TokenLocations(AUTHORIZATION, "Bearer", false, false);

    public TokenLocations {
        if (header == null || header.isBlank() || cookie == null || cookie.isBlank()) {
            throw new IllegalArgumentException(HEADER + " and " + COOKIE + " cannot be blank");
        }
        header = header.strip();
        cookie = cookie.strip();
    }

    public static TokenLocations from(Config config) {
        return new TokenLocations(
                config.getOptionalValue(HEADER, String.class).orElse(DEFAULT.header()),
                config.getOptionalValue(COOKIE, String.class).orElse(DEFAULT.cookie()),
                config.getOptionalValue(QUERY_PARAMETER, Boolean.class).orElse(false),
                config.getOptionalValue(FORM_PARAMETER, Boolean.class).orElse(false));
    }

    /** Whether the token comes in {@code Authorization} with the Bearer scheme (the default). */
    boolean authorizationHeader() {
        return header.equalsIgnoreCase(AUTHORIZATION);
    }

    /** Whether the token is the value of a cookie. */
    boolean inCookie() {
        return header.toLowerCase(Locale.ROOT).equals("cookie");
    }

    /** Where a client should send the token, for error descriptions. */
    String advice() {
        return authorizationHeader() ? "the Authorization header" : inCookie() ? "the " + cookie + " cookie" : "the " + header + " header";
    }
}
