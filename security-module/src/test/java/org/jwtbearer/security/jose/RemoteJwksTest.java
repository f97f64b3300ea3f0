package org.jwtbearer.security.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jwtbearer.security.TestClock;
import org.jwtbearer.security.TestKeys;

/** The JWKS cache against a real HTTP server on loopback, with a clock the test moves. */
class RemoteJwksTest {

    private static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final Duration COOLDOWN = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration MAX_STALE = Duration.ofHours(1);

    private HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<String> document = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final AtomicReference<CountDownLatch> hang = new AtomicReference<>();
    private RemoteJwks jwks;
    private URI uri;

    @BeforeEach
    void start() throws IOException {
        document.set(JwkSet.toJson(List.of(new VerifierKey("k1", TestKeys.RSA.getPublic(), null))));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            CountDownLatch latch = hang.get();
            if (latch != null) {
                try {
                    latch.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = document.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
        jwks = new RemoteJwks(uri, MAX_AGE, COOLDOWN, Duration.ofSeconds(2), clock);
    }

    @AfterEach
    void stop() {
        CountDownLatch latch = hang.get();
        if (latch != null) {
            latch.countDown();
        }
        server.stop(0);
    }

    /** The key set as the bearer mechanism builds it: bounded staleness, refreshes handed to {@code refresher}. */
    private RemoteJwks jwks(Executor refresher) {
        return new RemoteJwks(uri, MAX_AGE, COOLDOWN, TIMEOUT, MAX_STALE, clock, RemoteJwks.defaultClient(TIMEOUT), refresher);
    }

    private void publish(String... kids) {
        List<VerifierKey> keys = new ArrayList<>();
        for (String kid : kids) {
            keys.add(new VerifierKey(kid, (kid.equals("k1") ? TestKeys.RSA : TestKeys.OTHER_RSA).getPublic(), null));
        }
        document.set(JwkSet.toJson(keys));
    }

    private static KeySelector.KeyHints kid(String kid) {
        return new KeySelector.KeyHints(kid, null, null);
    }

    @Test
    void findWhenKeyKnownThenFetchedOnceAndCached() {
        assertTrue(jwks.find(kid("k1"), "RS256").isPresent());
        assertTrue(jwks.find(kid("k1"), "RS256").isPresent());
        assertEquals(1, fetches.get());
    }

    @Test
    void findWhenFloodOfUnknownKidsThenOneFetchPerCooldown() {
        jwks.find(kid("k1"), "RS256");
        for (int i = 0; i < 100; i++) {
            assertTrue(jwks.find(kid("random-" + i), "RS256").isEmpty());
        }
        assertEquals(1, fetches.get(), "the first fetch is within the cool-down");
        clock.advance(COOLDOWN.plusSeconds(1));
        for (int i = 0; i < 100; i++) {
            jwks.find(kid("random-" + i), "RS256");
        }
        assertEquals(2, fetches.get());
    }

    @Test
    void findWhenNewKeyPublishedThenPickedUpAfterCooldown() {
        jwks.find(kid("k1"), "RS256");
        document.set(JwkSet.toJson(List.of(new VerifierKey("k1", TestKeys.RSA.getPublic(), null),
                new VerifierKey("k2", TestKeys.OTHER_RSA.getPublic(), null))));
        clock.advance(COOLDOWN.plusSeconds(1));
        assertTrue(jwks.find(kid("k2"), "RS256").isPresent());
    }

    @Test
    void findWhenIssuerDownThenCachedKeysKeepWorking() {
        jwks.find(kid("k1"), "RS256");
        status.set(503);
        clock.advance(MAX_AGE.plusSeconds(1));
        assertTrue(jwks.find(kid("k1"), "RS256").isPresent());
        assertTrue(jwks.find(kid("unknown"), "RS256").isEmpty());
    }

    @Test
    void findWhenDocumentIsNotJwksThenNoKeysAndNoException() {
        document.set("<html>oops</html>");
        assertTrue(jwks.find(kid("k1"), "RS256").isEmpty());
    }

    @Test
    void constructorWhenSchemeIsNotHttpOrFileThenRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new RemoteJwks(
                URI.create("ftp://127.0.0.1/jwks"), MAX_AGE, COOLDOWN, Duration.ofSeconds(1), clock));
    }

    @Test
    void findWhenDocumentTooLargeThenRefused() {
        document.set("{\"keys\":[],\"pad\":\"" + "x".repeat(RemoteJwks.MAX_DOCUMENT_BYTES) + "\"}");
        assertTrue(jwks.find(kid("k1"), "RS256").isEmpty());
    }

    @Test
    void refreshIfDueWhenNoTokenAskedYetThenNothingFetched() {
        RemoteJwks lazy = jwks(Runnable::run);
        lazy.refreshIfDue();
        clock.advance(MAX_AGE.plusSeconds(1));
        lazy.refreshIfDue();

        assertEquals(0, fetches.get(), "keys are fetched for the first token, not at deployment");
    }

    @Test
    void refreshIfDueWhenThreeQuartersOfMaxAgePassedThenNewKeysHeldBeforeMaxAge() {
        RemoteJwks background = jwks(Runnable::run);
        background.find(kid("k1"), "RS256");
        publish("k1", "k2");

        clock.advance(MAX_AGE.multipliedBy(3).dividedBy(4).minusSeconds(1));
        background.refreshIfDue();
        assertEquals(1, fetches.get(), "not due yet");
        clock.advance(Duration.ofSeconds(1));
        background.refreshIfDue();
        assertEquals(2, fetches.get());

        assertTrue(background.find(kid("k2"), "RS256").isPresent());
        assertEquals(2, fetches.get(), "the new key came from the background refresh, not from the request");
    }

    @Test
    void findWhenRefreshDueThenHandedToTheExecutorOnceAndAnsweredFromTheKeysHeld() {
        List<Runnable> tasks = new ArrayList<>();
        RemoteJwks background = jwks(tasks::add);
        background.find(kid("k1"), "RS256");
        clock.advance(MAX_AGE.plusSeconds(1));

        assertTrue(background.find(kid("k1"), "RS256").isPresent());
        assertTrue(background.find(kid("k1"), "RS256").isPresent());

        assertEquals(1, fetches.get(), "the requests did not fetch themselves");
        assertEquals(1, tasks.size(), "one refresh handed over, not one per request");
        tasks.get(0).run();
        assertEquals(2, fetches.get());
    }

    @Test
    void findWhileAFetchHangsThenKnownKeysAndUnknownKidsAreAnsweredWithoutWaiting() throws Exception {
        RemoteJwks outage = jwks(Runnable::run);
        outage.find(kid("k1"), "RS256");
        hang.set(new CountDownLatch(1));
        clock.advance(COOLDOWN.plusSeconds(1));
        Thread fetcher = new Thread(() -> outage.find(kid("rotated-in"), "RS256"));
        fetcher.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (fetches.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(2, fetches.get(), "a fetch is under way and hangs");

        long start = System.nanoTime();
        assertTrue(outage.find(kid("k1"), "RS256").isPresent());
        assertTrue(outage.find(kid("unknown"), "RS256").isEmpty());
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(waitedMillis < 500, "waited " + waitedMillis + " ms for another request's fetch");
        hang.get().countDown();
        fetcher.join();
    }

    @Test
    void findWhenIssuerDownPastMaxStaleThenKeysNoLongerTrustedUntilAFetchSucceeds() {
        RemoteJwks bounded = jwks(Runnable::run);
        bounded.find(kid("k1"), "RS256");
        status.set(503);

        clock.advance(MAX_AGE.plus(MAX_STALE).minusSeconds(1));
        assertTrue(bounded.find(kid("k1"), "RS256").isPresent(), "within max-stale the held keys still work");
        assertTrue(bounded.keyGeneration() >= 0);
        clock.advance(Duration.ofSeconds(1));
        assertTrue(bounded.find(kid("k1"), "RS256").isEmpty());
        assertEquals(-1, bounded.keyGeneration());

        status.set(200);
        clock.advance(COOLDOWN.plusSeconds(1));
        assertTrue(bounded.find(kid("k1"), "RS256").isPresent(), "trusted again once the JWKS is fetched");
    }

    @Test
    void keyGenerationWhenAKeyIsDroppedThenMovesOnAndWhenOneIsAddedThenNot() {
        RemoteJwks generations = jwks(Runnable::run);
        generations.find(kid("k1"), "RS256");
        long first = generations.keyGeneration();

        publish("k1", "k2");
        clock.advance(COOLDOWN.plusSeconds(1));
        assertTrue(generations.find(kid("k2"), "RS256").isPresent());
        assertEquals(first, generations.keyGeneration(), "a key added leaves what was verified valid");

        publish("k2");
        clock.advance(COOLDOWN.plusSeconds(1));
        assertTrue(generations.find(kid("unknown"), "RS256").isEmpty(), "an unknown kid makes it fetch");
        assertTrue(generations.find(kid("k1"), "RS256").isEmpty());
        assertEquals(first + 1, generations.keyGeneration(), "a withdrawn key voids what it verified");
    }
}
