package org.jwtbearer.issuer.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;

import org.jwtbearer.issuer.grant.OAuthError;
import org.jwtbearer.issuer.grant.OAuthException;

/**
 * An {@code application/x-www-form-urlencoded} body, read by us rather than by the servlet container, whose
 * parameter map would merge in the query string. Each parameter may appear once (RFC 6749 §3.2); a
 * parameter sent without a value counts as omitted (RFC 6749 §3.1).
 */
public final class FormParameters {

    static final int MAX_PARAMETERS = 32;
    /** Far above any honest request (an assertion is capped at 16 KiB), far below a memory risk. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final Map<String, String> values;

    private FormParameters(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static FormParameters parse(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return new FormParameters(values);
        }
        String[] pairs = body.split("&", -1);
        if (pairs.length > MAX_PARAMETERS) {
            throw invalid("The request has more than " + MAX_PARAMETERS + " parameters", "too_many_parameters");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!seen.add(name)) {
                throw invalid("The parameter " + printableName(name) + " is repeated", "parameter_repeated");
            }
            if (!value.isEmpty()) {
                values.put(name, value);
            }
        }
        return new FormParameters(values);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("The request body is not valid form encoding", "form_malformed");
        }
    }

    private static String printableName(String name) {
        return org.jwtbearer.security.jose.CompactJws.printable(name);
    }

    private static OAuthException invalid(String description, String reason) {
        return new OAuthException(OAuthError.INVALID_REQUEST, description, reason);
    }

    /**
     * Reads the body of a form POST: refuses any other content type and any body above {@link #MAX_BODY_BYTES},
     * without reading more than one byte beyond it.
     */
    public static FormParameters read(InputStream body, HttpHeaders headers) {
        return parse(readBody(body, headers));
    }

    private static String readBody(InputStream body, HttpHeaders headers) {
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).strip().startsWith("application/x-www-form-urlencoded")) {
            throw invalid("The request body must be application/x-www-form-urlencoded", "content_type");
        }
        // The body is measured as it is read, not by its Content-Length: that header may be repeated or absent
        // (chunked), and a JAX-RS runtime may throw rather than say which of two values it means.
        try {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw invalid("The request body is too large", "body_too_large");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw invalid("The request body could not be read", "body_unreadable");
        }
    }
}
