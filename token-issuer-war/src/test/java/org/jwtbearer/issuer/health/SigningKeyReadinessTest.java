package org.jwtbearer.issuer.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jwtbearer.health.BoundedCall;
import org.jwtbearer.issuer.keys.IssuerSigningKeys;
import org.jwtbearer.security.assertion.SigningKey;

class SigningKeyReadinessTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        executor.shutdownNow();
    }

    private SigningKeyReadiness check(Supplier<SigningKey> current) {
        IssuerSigningKeys keys = new IssuerSigningKeys() {
            @Override
            public SigningKey current() {
                return current.get();
            }
        };
        return new SigningKeyReadiness(keys, new BoundedCall(executor, Duration.ofMillis(300)));
    }

    private static void assertAnswer(HealthCheckResponse response, HealthCheckResponse.Status status, String shown) {
        assertEquals("jwtbearer-issuer-signing-key", response.getName());
        assertEquals(status, response.getStatus());
        assertEquals(Map.of("signing-key", shown), response.getData().orElseThrow());
    }

    @Test
    void callWhenKeyUsableThenUpWithItsKid() throws NoSuchAlgorithmException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        SigningKey key = new SigningKey(rsa.generateKeyPair().getPrivate(), "kid-1", "RS256", null);
        assertAnswer(check(() -> key).call(), HealthCheckResponse.Status.UP, "kid-1");
    }

    @Test
    void callWhenNoUsableKeyThenDownMissing() {
        assertAnswer(check(() -> {
            throw new IllegalStateException("the current key cannot be opened with jwtbearer.encryption-key");
        }).call(), HealthCheckResponse.Status.DOWN, "missing");
    }

    @Test
    void callWhenKeysCannotBeReadInTimeThenDownUnknown() {
        assertAnswer(check(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }).call(), HealthCheckResponse.Status.DOWN, "unknown");
    }

    @Test
    void callWhenReadingFailsOtherwiseThenDownUnknown() {
        assertAnswer(check(() -> {
            throw new UnsupportedOperationException("surprise");
        }).call(), HealthCheckResponse.Status.DOWN, "unknown");
    }
}
