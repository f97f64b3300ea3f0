package org.jwtbearer.security.jose;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A JWKS fetched from a URL ({@code https:}, {@code http:} or {@code file:}) and cached.
 *
 * <p>The cache is refreshed when it is older than {@code maxAge}, and early when a token names a key it does
 * not hold — but at most once per {@code cooldown}, so a flood of random {@code kid}s costs one fetch. A failed
 * fetch keeps the keys already held: an issuer outage does not lock out tokens signed with known keys.
 */
public final class RemoteJwks implements KeySource {

    private static final Logger LOG = Logger.getLogger(RemoteJwks.class.getName());
    static final int MAX_DOCUMENT_BYTES = 512 * 1024;

    private final URI location;
    private final Duration maxAge;
    private final Duration cooldown;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    private volatile Snapshot snapshot = new Snapshot(List.of(), Instant.MIN);
    private Instant lastAttempt = Instant.MIN;

    private record Snapshot(List<VerifierKey> keys, Instant fetchedAt) {
    }

    public RemoteJwks(URI location, Duration maxAge, Duration cooldown, Duration timeout, Clock clock) {
        this(location, maxAge, cooldown, timeout, clock, HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /**
     * With an HTTP client shared among many key sets (each {@link HttpClient} keeps a thread of its own). It
     * should follow no redirects: a redirect would lead the fetch somewhere the location was never checked for.
     */
    public RemoteJwks(URI location, Duration maxAge, Duration cooldown, Duration timeout, Clock clock, HttpClient http) {
        String scheme = location.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme) && !"file".equals(scheme)) {
            throw new IllegalArgumentException("JWKS location must be an https, http or file URL: " + location);
        }
        this.location = location;
        this.maxAge = maxAge;
        this.cooldown = cooldown;
        this.timeout = timeout;
        this.clock = clock;
        this.http = http;
    }

    @Override
    public Optional<VerifierKey> find(KeySelector.KeyHints hints, String alg) {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current.fetchedAt().plus(maxAge).isBefore(now)) {
            current = refresh(now);
        }
        Optional<VerifierKey> key = KeySelector.select(current.keys(), hints, alg, now);
        if (key.isEmpty()) {
            Snapshot refreshed = refresh(now);
            if (refreshed != current) {
                key = KeySelector.select(refreshed.keys(), hints, alg, now);
            }
        }
        return key;
    }

    /** Fetches anew unless another fetch was attempted within the cool-down; returns what is then held. */
    private synchronized Snapshot refresh(Instant now) {
        if (lastAttempt.plus(cooldown).isAfter(now)) {
            return snapshot;
        }
        lastAttempt = now;
        try {
            snapshot = new Snapshot(JwkSet.parse(fetch()), now);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot refresh the JWKS from {0}: {1}; keeping {2} cached key(s)",
                    new Object[] {location, e.getMessage(), snapshot.keys().size()});
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return snapshot;
    }

    private String fetch() throws IOException, InterruptedException {
        if ("file".equals(location.getScheme())) {
            return readCapped(Files.newInputStream(Path.of(location)));
        }
        HttpRequest request = HttpRequest.newBuilder(location).timeout(timeout)
                .header("Accept", "application/jwk-set+json, application/json").GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("HTTP " + response.statusCode());
        }
        return readCapped(response.body());
    }

    private static String readCapped(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
            if (bytes.length > MAX_DOCUMENT_BYTES) {
                throw new IOException("JWKS document larger than " + MAX_DOCUMENT_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
