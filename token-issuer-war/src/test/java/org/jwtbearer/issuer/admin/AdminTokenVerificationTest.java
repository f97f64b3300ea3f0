package org.jwtbearer.issuer.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.jwtbearer.database.testing.MutableClock;
import org.jwtbearer.database.testing.OutageChains;
import org.jwtbearer.database.outage.OutageLog;
import org.jwtbearer.issuer.token.IssuedTokens;
import org.jwtbearer.security.token.InvalidTokenException;
import org.jwtbearer.security.token.TokenCheckUnavailableException;
import org.jwtbearer.security.token.TokenVerifier;
import org.jwtbearer.security.token.VerifiedAccessToken;

/** The admin API's token check while the revocation list cannot be read: neither accepted nor refused, but unavailable. */
class AdminTokenVerificationTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static TokenVerifier verifier(Supplier<Optional<VerifiedAccessToken>> active) {
        AdminTokenVerification verification = new AdminTokenVerification();
        verification.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        verification.outages = new OutageLog(Logger.getLogger(AdminTokenVerification.class.getName()), Duration.ofSeconds(10),
                new MutableClock(NOW));
        verification.issuedTokens = new IssuedTokens() {
            @Override
            public Optional<VerifiedAccessToken> active(String token, Instant now) {
                return active.get();
            }
        };
        return verification.verifier();
    }

    @Test
    void verifyWhenRevocationListUnreachableThenUnavailable() {
        TokenCheckUnavailableException e = assertThrows(TokenCheckUnavailableException.class, () -> verifier(() -> {
            throw OutageChains.wildFlyRefused();
        }).verify("token"));
        assertEquals(AdminTokenVerification.UNAVAILABLE, e.getMessage());
    }

    @Test
    void verifyWhenOtherFailureThenUnchanged() {
        IllegalStateException bug = new IllegalStateException("bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> verifier(() -> {
            throw bug;
        }).verify("token")));
    }

    @Test
    void verifyWhenNotActiveThenInvalidToken() {
        assertEquals("not_active", assertThrows(InvalidTokenException.class, () -> verifier(Optional::empty).verify("token")).reason());
    }
}
