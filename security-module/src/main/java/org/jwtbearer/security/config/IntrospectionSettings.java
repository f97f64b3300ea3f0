package org.jwtbearer.security.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * The optional revocation check: every token that verified locally is also asked about at the issuer's
 * RFC 7662 introspection endpoint, the answer remembered for a short while. Off unless the URL is set.
 *
 * @param url          {@code jwtbearer.introspection.url}: the issuer's introspection endpoint; unset = no check
 * @param clientId     {@code jwtbearer.introspection.client-id}: the client this resource server authenticates
 *                     as (required with the URL: the issuer answers authenticated clients only)
 * @param clientSecret {@code jwtbearer.introspection.client-secret}: its secret, sent with HTTP Basic; unset for
 *                     a client without a secret ({@code client_id} is then sent in the form)
 * @param cacheTime    {@code jwtbearer.introspection.cache-seconds}: how long an answer is remembered per token
 *                     (default 30; 0 asks on every request). A revocation takes up to this long to be noticed.
 * @param timeout      {@code jwtbearer.introspection.timeout}: connect and answer timeout in seconds (default 3)
 * @param failOpen     {@code jwtbearer.introspection.fail-open}: when the endpoint cannot be asked (down, slow,
 *                     a non-200 or malformed answer), accept the locally verified token anyway (default
 *                     {@code false}: refuse it with 401 {@code invalid_token})
 */
public record IntrospectionSettings(URI url, String clientId, Optional<String> clientSecret, Duration cacheTime,
                                    Duration timeout, boolean failOpen) {

    public static final String URL = "jwtbearer.introspection.url";
    public static final String CLIENT_ID = "jwtbearer.introspection.client-id";
    public static final String CLIENT_SECRET = "jwtbearer.introspection.client-secret";
    public static final String CACHE_SECONDS = "jwtbearer.introspection.cache-seconds";
    public static final String TIMEOUT = "jwtbearer.introspection.timeout";
    public static final String FAIL_OPEN = "jwtbearer.introspection.fail-open";

    public IntrospectionSettings {
        String scheme = url.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalStateException(URL + " must be an https or http URL: " + url);
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalStateException(CLIENT_ID + " must be set when " + URL + " is: the issuer answers authenticated clients only");
        }
        if (cacheTime.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalStateException(CACHE_SECONDS + " must not be negative and " + TIMEOUT + " must be positive");
        }
    }

    /** The settings, or empty when {@value #URL} is not set. */
    public static Optional<IntrospectionSettings> from(Config config) {
        Optional<String> url = config.getOptionalValue(URL, String.class).map(String::trim).filter(s -> !s.isEmpty());
        if (url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IntrospectionSettings(URI.create(url.get()),
                config.getOptionalValue(CLIENT_ID, String.class).orElse(null),
                config.getOptionalValue(CLIENT_SECRET, String.class).filter(s -> !s.isEmpty()),
                Duration.ofSeconds(config.getOptionalValue(CACHE_SECONDS, Long.class).orElse(30L)),
                Duration.ofSeconds(config.getOptionalValue(TIMEOUT, Long.class).orElse(3L)),
                config.getOptionalValue(FAIL_OPEN, Boolean.class).orElse(false)));
    }
}
