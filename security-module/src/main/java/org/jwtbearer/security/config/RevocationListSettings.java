package org.jwtbearer.security.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * The issuer's revocation list, fetched in the background: revoked tokens and deactivated clients and users are
 * refused without a call per request. Off unless the URL is set.
 *
 * @param url          {@code jwtbearer.revocations.url}: the issuer's {@code /oauth2/revocations}; unset = no list
 * @param clientId     {@code jwtbearer.revocations.client-id}: the client this resource server authenticates as
 *                     (required with the URL: the list names clients and users, so the issuer gives it to clients only)
 * @param clientSecret {@code jwtbearer.revocations.client-secret}: its secret, sent with HTTP Basic; unset for a
 *                     client without a secret ({@code client_id} is then sent in the form)
 * @param maxAge       {@code jwtbearer.revocations.max-age}: seconds (default 15). A token is checked only against a
 *                     list fetched at most this long ago, so a revocation reaches this server within it; the list is
 *                     fetched every third of it
 * @param timeout      {@code jwtbearer.revocations.timeout}: seconds for one whole fetch (default 3)
 * @param failOpen     {@code jwtbearer.revocations.fail-open}: when the list is older than the max-age (the issuer
 *                     cannot be reached), accept tokens that verify (default {@code false}: 503 with Retry-After)
 * @param maxEntries   {@code jwtbearer.revocations.max-entries}: the most revoked tokens, clients and users held
 *                     (default 100000); a list that would grow past it is not taken, and counts as not fetched
 */
public record RevocationListSettings(URI url, String clientId, Optional<String> clientSecret, Duration maxAge,
                                     Duration timeout, boolean failOpen, int maxEntries) {

    public static final String URL = "jwtbearer.revocations.url";
    public static final String CLIENT_ID = "jwtbearer.revocations.client-id";
    public static final String CLIENT_SECRET = "jwtbearer.revocations.client-secret";
    public static final String MAX_AGE = "jwtbearer.revocations.max-age";
    public static final String TIMEOUT = "jwtbearer.revocations.timeout";
    public static final String FAIL_OPEN = "jwtbearer.revocations.fail-open";
    public static final String MAX_ENTRIES = "jwtbearer.revocations.max-entries";

    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(15);

    public RevocationListSettings {
        String scheme = url.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalStateException(URL + " must be an https or http URL: " + url);
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalStateException(CLIENT_ID + " must be set when " + URL + " is: the issuer gives the list to authenticated clients only");
        }
        if (maxAge.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalStateException(MAX_AGE + " must be at least 3 seconds (the list is fetched every third of it)");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalStateException(TIMEOUT + " must be positive");
        }
        if (maxEntries < 1) {
            throw new IllegalStateException(MAX_ENTRIES + " must be positive");
        }
    }

    /** How often the list is fetched: a third of the max-age, so that two fetches in a row may fail before it is too old. */
    public Duration refreshInterval() {
        return maxAge.dividedBy(3);
    }

    /** The settings, or empty when {@value #URL} is not set. */
    public static Optional<RevocationListSettings> from(Config config) {
        Optional<String> url = config.getOptionalValue(URL, String.class).map(String::trim).filter(s -> !s.isEmpty());
        if (url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RevocationListSettings(URI.create(url.get()),
                config.getOptionalValue(CLIENT_ID, String.class).orElse(null),
                config.getOptionalValue(CLIENT_SECRET, String.class).filter(s -> !s.isEmpty()),
                Duration.ofSeconds(config.getOptionalValue(MAX_AGE, Long.class).orElse(DEFAULT_MAX_AGE.toSeconds())),
                Duration.ofSeconds(config.getOptionalValue(TIMEOUT, Long.class).orElse(3L)),
                config.getOptionalValue(FAIL_OPEN, Boolean.class).orElse(false),
                config.getOptionalValue(MAX_ENTRIES, Integer.class).orElse(100_000)));
    }
}
