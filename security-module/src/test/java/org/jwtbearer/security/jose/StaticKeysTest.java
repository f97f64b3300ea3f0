package org.jwtbearer.security.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.jwtbearer.security.TestKeys;

/** Keys configured by hand, as MP-JWT configures them: a PEM key has no kid, MP-JWT issuers' tokens do. */
class StaticKeysTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final VerifierKey UNNAMED_RSA = new VerifierKey(null, TestKeys.RSA.getPublic(), null);

    private static KeySelector.KeyHints kid(String kid) {
        return new KeySelector.KeyHints(kid, null, null);
    }

    @Test
    void findWhenTheOnlyKeyHasNoKidThenItAnswersWhateverKidTheTokenNames() {
        StaticKeys keys = new StaticKeys(List.of(UNNAMED_RSA), CLOCK);

        assertEquals(Optional.of(UNNAMED_RSA), keys.find(kid("/privateKey4k.pem"), "RS256"));
        assertEquals(Optional.of(UNNAMED_RSA), keys.find(kid(null), "RS256"));
    }

    @Test
    void findWhenTheOnlyKeyHasAnotherKidThenNone() {
        StaticKeys keys = new StaticKeys(List.of(new VerifierKey("k1", TestKeys.RSA.getPublic(), null)), CLOCK);

        assertTrue(keys.find(kid("k2"), "RS256").isEmpty());
    }

    @Test
    void findWhenSeveralUnnamedKeysThenAKidNamesNoneOfThem() {
        StaticKeys keys = new StaticKeys(List.of(UNNAMED_RSA, new VerifierKey(null, TestKeys.OTHER_RSA.getPublic(), null)), CLOCK);

        assertTrue(keys.find(kid("k1"), "RS256").isEmpty());
    }

    @Test
    void findWhenTheOnlyUnnamedKeyIsOfAnotherFamilyThenNone() {
        StaticKeys keys = new StaticKeys(List.of(new VerifierKey(null, TestKeys.EC_P256.getPublic(), null)), CLOCK);

        assertTrue(keys.find(kid("k1"), "RS256").isEmpty());
        assertTrue(keys.find(kid("k1"), "HS256").isEmpty());
    }

    @Test
    void constructorWhenNoKeyThenRefused() {
        assertThrows(KeyMaterialException.class, () -> new StaticKeys(List.of(), CLOCK));
    }

    @Test
    void algorithmRestrictedKeysWhenAlgorithmNotConfiguredThenNoKeyAndTheSourceIsNotAsked() {
        AtomicInteger asked = new AtomicInteger();
        KeySource source = (hints, alg) -> {
            asked.incrementAndGet();
            return Optional.of(UNNAMED_RSA);
        };
        KeySource restricted = new AlgorithmRestrictedKeys(source, Set.of("RS256"));

        assertTrue(restricted.find(kid(null), "PS256").isEmpty(), "PS256 fits the RSA key, but is not configured");
        assertTrue(restricted.find(kid(null), null).isEmpty());
        assertEquals(0, asked.get());
        assertEquals(Optional.of(UNNAMED_RSA), restricted.find(kid(null), "RS256"));
    }
}
