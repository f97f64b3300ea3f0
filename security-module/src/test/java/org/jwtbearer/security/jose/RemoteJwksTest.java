package org.jwtbearer.security.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jwtbearer.security.TestKeys;

/** The JWKS cache against a real HTTP server on loopback, with a clock the test moves. */
class RemoteJwksTest {

    private static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final Duration COOLDOWN = Duration.ofSeconds(30);

    private HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<String> document = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final MovableClock clock = new MovableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private RemoteJwks jwks;

    @BeforeEach
    void start() throws IOException {
        document.set(JwkSet.toJson(List.of(new VerifierKey("k1", TestKeys.RSA.getPublic(), null))));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = document.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
        jwks = new RemoteJwks(uri, MAX_AGE, COOLDOWN, Duration.ofSeconds(2), clock);
    }

    @AfterEach
    void stop() {
        server.stop(0);
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

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
