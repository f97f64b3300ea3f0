package org.jwtbearer.security.mechanism;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds the access token of a request where {@link TokenLocations} says to look, applying RFC 6750's rule
 * that a client uses exactly one method to send it (§2): a token in the header (or cookie) together with an
 * {@code access_token} parameter is {@code invalid_request}, whichever of them would be accepted.
 *
 * <p>The query string is read raw, never through {@code getParameter}, because asking the servlet container
 * for a parameter makes it consume a form body the application may want to read itself. The body is looked
 * at only when form tokens are enabled, and only for a form-encoded POST (§2.2).
 */
public final class TokenExtractor {

    static final String PARAMETER = "access_token";
    private static final String FORM_MEDIA_TYPE = "application/x-www-form-urlencoded";

    private final TokenLocations locations;

    public TokenExtractor(TokenLocations locations) {
        this.locations = locations;
    }

    public BearerCredential extract(HttpServletRequest request) {
        List<String> query = queryValues(request.getQueryString(), PARAMETER);
        List<String> form = List.of();
        if (readsForm(request.getMethod(), request.getContentType())) {
            String[] all;
            try {
                all = request.getParameterValues(PARAMETER);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // The container could not parse the body (too many parameters, bad encoding): the request is malformed.
                return new BearerCredential.Malformed("The form body cannot be read");
            }
            // The container lists query-string values before body values (Servlet 6.0 §3.1).
            form = all == null || all.length <= query.size() ? List.of() : Arrays.asList(all).subList(query.size(), all.length);
        }
        return choose(fromHeader(request), query, form);
    }

    /** The credential of the configured header or cookie alone. */
    private BearerCredential fromHeader(HttpServletRequest request) {
        if (locations.authorizationHeader()) {
            return BearerCredential.parse(Collections.list(request.getHeaders(TokenLocations.AUTHORIZATION)));
        }
        if (locations.inCookie()) {
            List<String> values = new ArrayList<>();
            Cookie[] cookies = request.getCookies();
            if (cookies != null) {
                for (Cookie cookie : cookies) {
                    // A cookie with no value carries no token (it is how a browser holds a cleared cookie).
                    if (cookie.getName().equals(locations.cookie()) && cookie.getValue() != null && !cookie.getValue().isEmpty()) {
                        values.add(cookie.getValue());
                    }
                }
            }
            return BearerCredential.bare(values, "The " + locations.cookie() + " cookie");
        }
        return BearerCredential.bare(Collections.list(request.getHeaders(locations.header())), "The " + locations.header() + " header");
    }

    /** Whether the request body may carry the token: enabled, a POST, and form-encoded (RFC 6750 §2.2). */
    boolean readsForm(String method, String contentType) {
        if (!locations.formParameter() || !"POST".equals(method) || contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return mediaType.toLowerCase(Locale.ROOT).equals(FORM_MEDIA_TYPE);
    }

    /** One method only; a parameter token only where enabled; the parameter only once. */
    BearerCredential choose(BearerCredential fromHeader, List<String> query, List<String> form) {
        int methods = (fromHeader instanceof BearerCredential.None ? 0 : 1) + (query.isEmpty() ? 0 : 1) + (form.isEmpty() ? 0 : 1);
        if (methods > 1) {
            return new BearerCredential.Malformed("The request sends an access token in more than one way; use " + locations.advice() + " only");
        }
        if (!query.isEmpty()) {
            if (!locations.queryParameter()) {
                return new BearerCredential.Malformed("Access tokens are not accepted in the URI query; send the token in " + locations.advice());
            }
            return BearerCredential.bare(query, "The access_token query parameter");
        }
        if (!form.isEmpty()) {
            return BearerCredential.bare(form, "The access_token form parameter");
        }
        return fromHeader;
    }

    /**
     * The decoded values of parameter {@code name} in a raw query string. A pair whose name cannot be decoded
     * is not this parameter; a value that cannot be decoded is kept raw, and then fails the token grammar.
     */
    static List<String> queryValues(String queryString, String name) {
        if (queryString == null || queryString.isEmpty()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String pair : queryString.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            if (name.equals(decode(rawName))) {
                String value = decode(rawValue);
                values.add(value == null ? rawValue : value);
            }
        }
        return values;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
