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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A JWKS fetched from a URL ({@code https:}, {@code http:} or {@code file:}) and cached. The document may also be
 * a single JWK or a PEM public key or certificate, as MP-JWT allows at {@code mp.jwt.verify.publickey.location}
 * ({@link KeyDocument}); a lone key without a {@code kid} answers whatever kid a token names
 * ({@link KeySelector#selectOrSoleUnnamed}).
 *
 * <ul>
 *   <li><b>Lazily:</b> nothing is fetched until the first token asks for a key.</li>
 *   <li><b>Ahead of expiry:</b> once three quarters of {@code maxAge} have passed, a refresh is handed to the
 *   {@code refresher} executor (the application server's managed executor), and {@link #refreshIfDue()} does
 *   the same for a scheduler, so requests go on with the keys held while the fetch runs.</li>
 *   <li><b>On an unknown {@code kid}:</b> the request fetches at once — but every fetch, whatever asked for it,
 *   counts against one {@code cooldown}, so a flood of random {@code kid}s costs one fetch per cool-down.</li>
 *   <li><b>Without waiting on others:</b> no lock is held while fetching. A request that needs a key while
 *   another fetch is under way does not wait for it (its kid is unknown now: 401); only the very first
 *   fetch, when no key is held at all, is awaited by everyone, at most {@code timeout}.</li>
 *   <li><b>Through outages:</b> a failed fetch keeps the keys held, so tokens signed with known keys keep
 *   working; but only up to {@code maxStale} past {@code maxAge}. After that the keys are no longer trusted
 *   (every token is refused) until a fetch succeeds: an issuer that cannot be reached cannot withdraw a
 *   leaked key either, and the bound caps how long such a key outlives its withdrawal.</li>
 * </ul>
 *
 * <p>{@link #keyGeneration()} moves on whenever a fetch drops a key that was held, so whoever remembers
 * tokens these keys verified (the {@code CachingTokenVerifier}) can forget them.
 */
public final class RemoteJwks implements KeySource {

    private static final Logger LOG = Logger.getLogger(RemoteJwks.class.getName());
    static final int MAX_DOCUMENT_BYTES = 512 * 1024;
    /**
     * A JWKS first, but PEM too: an endpoint serving a PEM key as text/plain (as MP-JWT's TCK does) would answer
     * 406 to a request that accepts JSON only.
     */
    private static final String ACCEPT = "application/jwk-set+json, application/jwk+json, application/json, "
            + "application/x-pem-file, text/plain;q=0.9, */*;q=0.1";

    private record Snapshot(List<VerifierKey> keys, Instant fetchedAt, long generation) {
        boolean fetched() {
            return !fetchedAt.equals(Instant.MIN);
        }
    }

    private static final Snapshot NOTHING_YET = new Snapshot(List.of(), Instant.MIN, 0);

    private final URI location;
    private final Duration maxAge;
    private final Duration refreshAhead;
    private final Duration cooldown;
    private final Duration timeout;
    private final Duration maxStale;
    private final Clock clock;
    private final HttpClient http;
    private final Executor refresher;
    private final int minRsaBits;

    private volatile Snapshot snapshot = NOTHING_YET;
    private volatile boolean used;
    private final AtomicBoolean queued = new AtomicBoolean();

    private final Object gate = new Object();
    private CompletableFuture<Snapshot> inFlight;   // guarded by gate
    private Instant lastAttempt = Instant.MIN;      // guarded by gate

    /** Keys kept through any outage, refreshed on the requesting thread: for callers without an executor. */
    public RemoteJwks(URI location, Duration maxAge, Duration cooldown, Duration timeout, Clock clock) {
        this(location, maxAge, cooldown, timeout, clock, defaultClient(timeout));
    }

    /**
     * With an HTTP client shared among many key sets (each {@link HttpClient} keeps a thread of its own). It
     * should follow no redirects: a redirect would lead the fetch somewhere the location was never checked for.
     */
    public RemoteJwks(URI location, Duration maxAge, Duration cooldown, Duration timeout, Clock clock, HttpClient http) {
        this(location, maxAge, cooldown, timeout, null, clock, http, Runnable::run);
    }

    /**
     * @param maxStale  how long past {@code maxAge} the keys held stay trusted while no fetch succeeds;
     *                  {@code null} for as long as it takes
     * @param refresher runs refreshes no request should wait for; {@code Runnable::run} runs them on the
     *                  request that noticed they were due
     */
    public RemoteJwks(URI location, Duration maxAge, Duration cooldown, Duration timeout, Duration maxStale,
                      Clock clock, HttpClient http, Executor refresher) {
        this(location, maxAge, cooldown, timeout, maxStale, clock, http, refresher, KeyStrength.MIN_RSA_BITS);
    }

    /** @param minRsaBits the least RSA modulus size of a key taken from the document */
    public RemoteJwks(URI location, Duration maxAge, Duration cooldown, Duration timeout, Duration maxStale,
                      Clock clock, HttpClient http, Executor refresher, int minRsaBits) {
        String scheme = location.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme) && !"file".equals(scheme)) {
            throw new IllegalArgumentException("JWKS location must be an https, http or file URL: " + location);
        }
        this.location = location;
        this.maxAge = maxAge;
        this.refreshAhead = maxAge.multipliedBy(3).dividedBy(4);
        this.cooldown = cooldown;
        this.timeout = timeout;
        this.maxStale = maxStale;
        this.clock = clock;
        this.http = http;
        this.refresher = refresher;
        this.minRsaBits = minRsaBits;
    }

    /**
     * An HTTP client for one key set: the given timeout to connect, no redirects, HTTP/1.1. Without the version the
     * JDK client offers an h2c upgrade on plain-HTTP URLs, which Payara 6 accepts and then answers 431 to further
     * requests on the same connection: every key refresh after the first would fail.
     */
    public static HttpClient defaultClient(Duration timeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Optional<VerifierKey> find(KeySelector.KeyHints hints, String alg) {
        used = true;
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (!current.fetched()) {
            current = fetch(now, true);
        } else if (refreshDue(current, now)) {
            refreshInBackground(now);
        }
        Optional<VerifierKey> key = KeySelector.selectOrSoleUnnamed(trusted(current, now), hints, alg, now);
        if (key.isEmpty()) {
            Snapshot refreshed = fetch(now, false);
            if (refreshed != current) {
                key = KeySelector.selectOrSoleUnnamed(trusted(refreshed, now), hints, alg, now);
            }
        }
        return key;
    }

    /**
     * For a scheduler: refreshes the keys when three quarters of their max-age have passed (and the cool-down
     * allows), on the calling thread. Does nothing before the first token asked for a key.
     */
    public void refreshIfDue() {
        if (!used) {
            return;
        }
        Instant now = clock.instant();
        if (refreshDue(snapshot, now)) {
            fetch(now, false);
        }
    }

    /**
     * Moves on whenever a fetch drops a key held before; negative while the keys are past {@code maxStale}
     * and trusted no more. Asking also starts a refresh in the background when one is due, so tokens answered
     * from a cache keep the keys fresh too.
     */
    public long keyGeneration() {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current.fetched() && refreshDue(current, now)) {
            refreshInBackground(now);
        }
        return beyondMaxStale(current, now) ? -1 : current.generation();
    }

    private boolean refreshDue(Snapshot current, Instant now) {
        return !now.isBefore(current.fetchedAt().plus(refreshAhead));
    }

    private boolean beyondMaxStale(Snapshot current, Instant now) {
        return current.fetched() && maxStale != null && !now.isBefore(current.fetchedAt().plus(maxAge).plus(maxStale));
    }

    private List<VerifierKey> trusted(Snapshot current, Instant now) {
        return beyondMaxStale(current, now) ? List.of() : current.keys();
    }

    /** Hands one refresh to the executor — one, not one per request noticing it is due. */
    private void refreshInBackground(Instant now) {
        synchronized (gate) {
            if (inFlight != null || lastAttempt.plus(cooldown).isAfter(now)) {
                return;
            }
        }
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            refresher.execute(() -> {
                queued.set(false);
                refreshIfDue();
            });
        } catch (RejectedExecutionException e) {
            queued.set(false);
            // The application is stopping, or the executor is saturated: the next request or tick tries again.
            LOG.log(Level.FINE, "JWKS refresh not scheduled: {0}", e.getMessage());
        }
    }

    /**
     * Fetches on this thread when no other fetch is under way and the cool-down allows; returns what is then
     * held. When another fetch is under way, waits for it only if {@code awaitOthers} (bounded by the timeout).
     */
    private Snapshot fetch(Instant now, boolean awaitOthers) {
        CompletableFuture<Snapshot> mine;
        CompletableFuture<Snapshot> theirs;
        synchronized (gate) {
            theirs = inFlight;
            if (theirs == null) {
                if (lastAttempt.plus(cooldown).isAfter(now)) {
                    return snapshot;
                }
                lastAttempt = now;
                inFlight = new CompletableFuture<>();
            }
            mine = inFlight;
        }
        if (theirs != null) {
            return awaitOthers ? await(theirs) : snapshot;
        }
        try {
            Snapshot previous = snapshot;
            List<VerifierKey> keys = KeyDocument.of(download()).verifierKeys(minRsaBits);
            boolean dropped = !keys.containsAll(previous.keys());
            snapshot = new Snapshot(keys, now, dropped ? previous.generation() + 1 : previous.generation());
        } catch (IOException | RuntimeException e) {
            Snapshot held = snapshot;
            LOG.log(Level.WARNING, "Cannot refresh the JWKS from {0}: {1}; {2} cached key(s) {3}", new Object[] {
                    location, e.getMessage(), held.keys().size(),
                    beyondMaxStale(held, now) ? "no longer trusted (past max-stale)" : "kept"});
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (gate) {
                inFlight = null;
            }
            mine.complete(snapshot);
        }
        return snapshot;
    }

    private Snapshot await(CompletableFuture<Snapshot> fetch) {
        try {
            return fetch.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // fall through to the keys held
        }
        return snapshot;
    }

    private String download() throws IOException, InterruptedException {
        if ("file".equals(location.getScheme())) {
            return readCapped(Files.newInputStream(Path.of(location)));
        }
        HttpRequest request = HttpRequest.newBuilder(location).timeout(timeout)
                .header("Accept", ACCEPT).GET().build();
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
