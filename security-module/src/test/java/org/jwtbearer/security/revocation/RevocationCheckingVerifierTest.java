package org.jwtbearer.security.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jwtbearer.security.TestClock;
import org.jwtbearer.security.config.IntrospectionSettings;
import org.jwtbearer.security.token.InvalidTokenException;
import org.jwtbearer.security.token.TokenVerifier;
import org.jwtbearer.security.token.VerifiedAccessToken;
import org.jwtbearer.security.token.TokenCheckUnavailableException;

/** The revocation check over a real introspection endpoint on loopback, with a clock the test moves. */
class RevocationCheckingVerifierTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final Duration CACHE_TIME = Duration.ofSeconds(30);
    private static final Duration BACKOFF = Duration.ofSeconds(3);

    /** Accepts every token but "forged", as a verifier of signature and claims would. */
    private static final TokenVerifier LOCAL = token -> {
        if (token.equals("forged")) {
            throw new InvalidTokenException("signature", "The access token signature is invalid");
        }
        return new VerifiedAccessToken(token, Map.of("sub", "abel", "exp", NOW.getEpochSecond() + 600));
    };

    private final TestClock clock = new TestClock(NOW);
    private FakeIntrospectionEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        endpoint = new FakeIntrospectionEndpoint();
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private RevocationCheckingVerifier verifier(boolean failOpen) {
        IntrospectionSettings settings = new IntrospectionSettings(endpoint.url(), FakeIntrospectionEndpoint.CLIENT_ID,
                Optional.of(FakeIntrospectionEndpoint.SECRET), CACHE_TIME, Duration.ofSeconds(1), failOpen);
        return new RevocationCheckingVerifier(LOCAL, new IntrospectionClient(settings, HttpClient.newHttpClient()),
                CACHE_TIME, BACKOFF, failOpen, clock);
    }

    @Test
    void verifyWhenActiveThenAcceptedAndWhenRevokedThenRefused() throws Exception {
        RevocationCheckingVerifier verifier = verifier(false);
        endpoint.revoked.add("revoked");

        assertEquals("abel", verifier.verify("live").getSubject());
        InvalidTokenException refused = assertThrows(InvalidTokenException.class, () -> verifier.verify("revoked"));
        assertEquals("revoked", refused.reason());
    }

    @Test
    void verifyWhenRevokedAfterAnActiveAnswerThenRefusedOnceTheAnswerIsOlderThanTheCacheTime() throws Exception {
        RevocationCheckingVerifier verifier = verifier(false);
        verifier.verify("live");
        endpoint.revoked.add("live");

        clock.advance(CACHE_TIME.minusSeconds(1));
        verifier.verify("live");
        assertEquals(1, endpoint.calls.get(), "the answer is remembered");

        clock.advance(Duration.ofSeconds(1));
        assertThrows(InvalidTokenException.class, () -> verifier.verify("live"));
        assertEquals(2, endpoint.calls.get());
    }

    @Test
    void verifyWhenTokenFailsLocallyThenIssuerNeverAsked() {
        RevocationCheckingVerifier verifier = verifier(false);

        InvalidTokenException refused = assertThrows(InvalidTokenException.class, () -> verifier.verify("forged"));

        assertEquals("signature", refused.reason());
        assertEquals(0, endpoint.calls.get());
    }

    @Test
    void verifyWhenEndpointFailsThenUndecidedByDefault() {
        endpoint.override.set(Map.entry(503, "{}"));

        // neither accepted nor refused as invalid: the mechanism answers 503, and the client keeps its token
        assertThrows(TokenCheckUnavailableException.class, () -> verifier(false).verify("live"));
    }

    @Test
    void verifyWhenEndpointFailsAndFailOpenThenAcceptedButARevokedAnswerStillRefuses() throws Exception {
        RevocationCheckingVerifier verifier = verifier(true);
        endpoint.override.set(Map.entry(503, "{}"));
        assertEquals("abel", verifier.verify("live").getSubject());

        endpoint.override.set(null);
        endpoint.revoked.add("revoked");
        clock.advance(BACKOFF);
        assertThrows(InvalidTokenException.class, () -> verifier.verify("revoked"));
    }

    @Test
    void verifyWhenEndpointFailedThenLeftAloneForTheBackoffAndAskedAgainAfter() throws Exception {
        RevocationCheckingVerifier verifier = verifier(false);
        endpoint.override.set(Map.entry(503, "{}"));
        assertThrows(TokenCheckUnavailableException.class, () -> verifier.verify("live"));
        endpoint.override.set(null);

        clock.advance(BACKOFF.minusSeconds(1));
        assertThrows(TokenCheckUnavailableException.class, () -> verifier.verify("live"));
        assertEquals(1, endpoint.calls.get(), "not asked again during the back-off");

        clock.advance(Duration.ofSeconds(1));
        assertEquals("abel", verifier.verify("live").getSubject(), "a failure is not remembered as an answer");
        assertEquals(2, endpoint.calls.get());
    }
}
