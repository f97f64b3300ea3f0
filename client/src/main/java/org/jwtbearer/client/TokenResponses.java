package org.jwtbearer.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/** Reads a token endpoint's answer (RFC 6749 §5.1 and §5.2) into a token or the matching exception. */
final class TokenResponses {

    private static final int SHOWN_BODY_CHARS = 200;

    private TokenResponses() {
    }

    /** The token of a 2xx answer; anything else becomes {@link OAuthErrorException} or {@link TokenEndpointException}. */
    static AccessToken read(int status, String contentType, String body, Instant now, Duration assumedLifetime,
                            Duration renewBefore) {
        Map<String, Object> json = parseObject(body);
        if (status / 100 != 2) {
            throw refusal(status, contentType, body, json);
        }
        if (json == null || !(json.get("access_token") instanceof String value) || value.isEmpty()) {
            throw new TokenEndpointException("token endpoint answered " + status + " without an access_token: "
                    + shown(body), status, null);
        }
        Duration lifetime = expiresIn(json.get("expires_in"), status, assumedLifetime);
        Instant expiresAt = now.plus(lifetime);
        // Renew ahead of expiry, but never so early that a short-lived token is renewed on every use.
        Duration margin = renewBefore.compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.dividedBy(2) : renewBefore;
        return new AccessToken(value, string(json.get("token_type")), string(json.get("scope")), now, expiresAt,
                expiresAt.minus(margin), json);
    }

    private static JwtBearerClientException refusal(int status, String contentType, String body, Map<String, Object> json) {
        if (json != null && json.get("error") instanceof String error && !error.isBlank()) {
            return new OAuthErrorException(status, error, string(json.get("error_description")), string(json.get("error_uri")));
        }
        String type = contentType == null ? "no content type" : contentType;
        return new TokenEndpointException("token endpoint answered " + status + " (" + type + "): " + shown(body), status, null);
    }

    private static Duration expiresIn(Object member, int status, Duration assumedLifetime) {
        if (member == null) {
            return assumedLifetime;
        }
        long seconds;
        try {
            // Some endpoints send the number as a string; RFC 6749 says a number, both are read.
            seconds = member instanceof Number number ? number.longValue() : Long.parseLong(member.toString().trim());
        } catch (NumberFormatException e) {
            throw new TokenEndpointException("token endpoint answered expires_in '" + member + "', not a number", status, e);
        }
        if (seconds <= 0) {
            throw new TokenEndpointException("token endpoint answered expires_in " + seconds + ", an expired token", status, null);
        }
        return Duration.ofSeconds(seconds);
    }

    private static Map<String, Object> parseObject(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JsonUtil.parseJson(body);
        } catch (JoseException | RuntimeException notJsonObject) {
            return null;
        }
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static String shown(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= SHOWN_BODY_CHARS ? oneLine : oneLine.substring(0, SHOWN_BODY_CHARS) + "…";
    }
}
