package org.jwtbearer.security.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jwtbearer.security.config.IntrospectionSettings;
import org.jwtbearer.security.revocation.IntrospectionAnswer.Status;

/** The introspection client against a real HTTP endpoint on loopback. */
class IntrospectionClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private FakeIntrospectionEndpoint endpoint;
    private IntrospectionClient client;

    @BeforeEach
    void start() throws IOException {
        endpoint = new FakeIntrospectionEndpoint();
        client = client(FakeIntrospectionEndpoint.CLIENT_ID, FakeIntrospectionEndpoint.SECRET);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private IntrospectionClient client(String id, String secret) {
        return new IntrospectionClient(new IntrospectionSettings(endpoint.url(), id, Optional.ofNullable(secret),
                Duration.ofSeconds(30), TIMEOUT, false), HttpClient.newHttpClient());
    }

    @Test
    void askWhenTokenLiveThenActiveAndWhenRevokedThenInactive() {
        endpoint.revoked.add("revoked-token");

        assertEquals(Status.ACTIVE, client.ask("live-token").status());
        assertEquals(Status.INACTIVE, client.ask("revoked-token").status());
    }

    @Test
    void askWhenClientWithoutSecretThenNamedInTheForm() {
        assertEquals(Status.ACTIVE, client("public-rs", null).ask("live-token").status());
    }

    @Test
    void askWhenWrongSecretThenUnavailableNotActive() {
        IntrospectionAnswer answer = client(FakeIntrospectionEndpoint.CLIENT_ID, "wrong").ask("live-token");

        assertEquals(Status.UNAVAILABLE, answer.status());
        assertEquals("HTTP 401", answer.problem());
    }

    @Test
    void askWhenEndpointTooSlowThenUnavailableWithinTheTimeout() {
        endpoint.delayMillis.set(3000);
        long start = System.nanoTime();

        IntrospectionAnswer answer = client.ask("live-token");

        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Status.UNAVAILABLE, answer.status());
        assertTrue(tookMillis < 2500, "took " + tookMillis + " ms");
    }

    @Test
    void askWhenEndpointDownThenUnavailable() {
        endpoint.close();

        assertEquals(Status.UNAVAILABLE, client.ask("live-token").status());
    }

    @Test
    void askWhenAnswerIsNotAnIntrospectionAnswerThenUnavailable() {
        for (String body : new String[] {"<html>oops</html>", "{}", "{\"active\":\"true\"}", "[true]", "null"}) {
            endpoint.override.set(Map.entry(200, body));
            assertEquals(Status.UNAVAILABLE, client.ask("live-token").status(), body);
        }
        endpoint.override.set(Map.entry(500, "{\"active\":true}"));
        assertEquals(Status.UNAVAILABLE, client.ask("live-token").status(), "an error status is no answer");
    }

    @Test
    void askWhenAnswerLargerThanTheCapThenUnavailable() {
        String padded = "{\"active\":true,\"pad\":\"" + "x".repeat(IntrospectionClient.MAX_ANSWER_BYTES) + "\"}";
        endpoint.override.set(Map.entry(200, padded));

        IntrospectionAnswer answer = client.ask("live-token");

        assertEquals(Status.UNAVAILABLE, answer.status());
        assertTrue(answer.problem().contains("larger than"), answer.problem());
    }
}
