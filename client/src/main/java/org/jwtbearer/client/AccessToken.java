package org.jwtbearer.client;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An access token as the token endpoint issued it. {@code expiresAt} comes from {@code expires_in}, or from the
 * client's assumed lifetime when the endpoint sends none (Salesforce does not); {@code renewAt} is when the
 * client fetches the next one. {@code response} holds every member of the answer, {@code instance_url} and
 * such included. {@link #toString()} never shows the token itself.
 */
public record AccessToken(String value, String tokenType, String scope, Instant issuedAt, Instant expiresAt,
                          Instant renewAt, Map<String, Object> response) {

    public AccessToken {
        response = Collections.unmodifiableMap(new LinkedHashMap<>(response));
    }

    /** The {@code Authorization} header value that presents this token (RFC 6750 §2.1). */
    public String authorizationHeader() {
        String scheme = tokenType == null || tokenType.equalsIgnoreCase("bearer") ? "Bearer" : tokenType;
        return scheme + " " + value;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    boolean isDueForRenewalAt(Instant now) {
        return !now.isBefore(renewAt);
    }

    @Override
    public String toString() {
        return "AccessToken[type=" + tokenType + ", scope=" + scope + ", expiresAt=" + expiresAt + ", value=(hidden)]";
    }
}
