package org.jwtbearer.issuer.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;
import org.jwtbearer.database.testing.MutableClock;
import org.jwtbearer.issuer.support.SecretBox;

/**
 * Managed signing keys against the database's rules (in memory), one node or several sharing the store, with a
 * clock the tests move: start-up, rotation, its guards, retirement and purging, and keys that do not open.
 */
class ManagedSigningKeysTest {

    private static final Duration PUBLISH = Duration.ofSeconds(610);
    private static final Duration MARGIN = Duration.ofSeconds(70);

    private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final SecretBox box = SecretBox.generated();

    private ManagedSigningKeys node(SecretBox nodeBox, String algorithm, Duration rotation) {
        return new ManagedSigningKeys(store, nodeBox, clock, new ManagedSigningKeys.Policy(algorithm, rotation, PUBLISH, MARGIN));
    }

    private ManagedSigningKeys node() {
        return node(box, "RS256", Duration.ZERO);
    }

    @Test
    void startWhenStoreEmptyThenCurrentSignsAndNextIsPublished() {
        KeyRing ring = node().start();

        StoredSigningKey current = store.find(KeyState.CURRENT);
        StoredSigningKey next = store.find(KeyState.NEXT);
        assertEquals(2, store.rows.size());
        assertEquals(current.kid(), ring.requireSigning().kid());
        assertEquals(List.of(current.kid(), next.kid()), ring.verifierKeys().stream().map(k -> k.kid()).toList());
        assertEquals("RS256", ring.requireSigning().algorithm());
        assertEquals(SigningKeyMaterial.thumbprint(ring.verifierKeys().get(0).publicKey()), current.kid());
    }

    @Test
    void startWhenAnotherNodeStartedFirstThenSameKeysAndNothingMade() {
        KeyRing first = node().start();
        int inserts = store.inserts;

        KeyRing second = node().start();

        assertEquals(inserts, store.inserts);
        assertEquals(first.requireSigning().kid(), second.requireSigning().kid());
        assertEquals(first.jwks(), second.jwks());
    }

    @Test
    void startWhenAnotherNodeMakesItsKeyBetweenOurReadAndWriteThenOnlyItsKeyIsCurrent() {
        ManagedSigningKeys other = node();
        store.beforeNextInsert = other::start;

        KeyRing ring = node().start();

        assertEquals(2, store.rows.size(), "one current and one next, whoever started first");
        assertEquals(store.find(KeyState.CURRENT).kid(), ring.requireSigning().kid());
    }

    @Test
    void rotateWhenNextPublishedLongEnoughThenNextSignsAndOldStaysPublishedUntilItsTokensExpired() {
        ManagedSigningKeys node = node();
        node.start();
        String oldCurrent = store.find(KeyState.CURRENT).kid();
        String oldNext = store.find(KeyState.NEXT).kid();
        clock.advance(PUBLISH);
        store.longestLifespan = 3600;

        RotationOutcome.Rotated rotated = assertInstanceOf(RotationOutcome.Rotated.class, node.rotate(false));

        assertEquals(oldNext, rotated.keys().requireSigning().kid());
        assertEquals(oldNext, store.find(KeyState.CURRENT).kid());
        StoredSigningKey retired = store.rows.get(oldCurrent);
        assertEquals(KeyState.RETIRED, retired.state());
        assertNull(retired.sealedPrivateKey(), "a retired key's private key is erased");
        assertEquals(clock.instant().plusSeconds(3600).plus(MARGIN).getEpochSecond(), retired.retireUntil());
        assertEquals(List.of(oldNext, rotated.nextKid(), oldCurrent),
                rotated.keys().verifierKeys().stream().map(k -> k.kid()).toList());
        assertEquals(clock.instant().getEpochSecond(), store.find(KeyState.CURRENT).activatedAt());
    }

    @Test
    void withdrawWhenRetiredThenNoLongerPublishedAndNothingElseChanges() {
        ManagedSigningKeys node = node();
        node.start();
        String retired = store.find(KeyState.CURRENT).kid();
        node.rotate(true);
        String current = store.find(KeyState.CURRENT).kid();

        WithdrawalOutcome.Withdrawn withdrawn = assertInstanceOf(WithdrawalOutcome.Withdrawn.class, node.withdraw(retired));

        assertFalse(withdrawn.keys().verifierKeys().stream().anyMatch(k -> k.kid().equals(retired)));
        assertFalse(withdrawn.keys().jwks().contains(retired));
        assertEquals(current, withdrawn.keys().requireSigning().kid());
    }

    @Test
    void withdrawWhenNextThenReplacedByAFreshNextKey() {
        ManagedSigningKeys node = node();
        node.start();
        String next = store.find(KeyState.NEXT).kid();

        WithdrawalOutcome.Withdrawn withdrawn = assertInstanceOf(WithdrawalOutcome.Withdrawn.class, node.withdraw(next));

        assertNotEquals(next, store.find(KeyState.NEXT).kid());
        assertFalse(withdrawn.keys().jwks().contains(next));
    }

    @Test
    void withdrawWhenCurrentOrUnknownThenRefusedAndNothingChanges() {
        ManagedSigningKeys node = node();
        KeyRing before = node.start();

        assertInstanceOf(WithdrawalOutcome.Refused.class, node.withdraw(before.requireSigning().kid()));
        assertInstanceOf(WithdrawalOutcome.Unknown.class, node.withdraw("no-such-kid"));

        assertEquals(before.jwks(), node.read().jwks());
    }

    @Test
    void rotateWhenNextPublishedTooRecentlyThenRefusedUnlessForced() {
        ManagedSigningKeys node = node();
        node.start();
        String current = store.find(KeyState.CURRENT).kid();
        clock.advance(PUBLISH.minusSeconds(1));

        RotationOutcome.Refused refused = assertInstanceOf(RotationOutcome.Refused.class, node.rotate(false));

        assertTrue(refused.reason().contains("force=true"), refused.reason());
        assertEquals(current, store.find(KeyState.CURRENT).kid());
        assertInstanceOf(RotationOutcome.Rotated.class, node.rotate(true));
        assertNotEquals(current, store.find(KeyState.CURRENT).kid());
    }

    @Test
    void rotateWhenAnotherNodeRotatesAtTheSameMomentThenOnlyOneRotationHappens() {
        ManagedSigningKeys node = node();
        node.start();
        ManagedSigningKeys other = node();
        clock.advance(PUBLISH);
        store.beforeNextRotate = () -> other.rotate(false);

        RotationOutcome outcome = node.rotate(false);

        assertInstanceOf(RotationOutcome.Refused.class, outcome);
        assertEquals(3, store.rows.size(), "one retired, one current, one next: rotated once");
        assertEquals(1, store.rows.values().stream().filter(k -> k.state() == KeyState.RETIRED).count());
    }

    @Test
    void readWhenRetiredKeyOutlivedItsTokensThenPurgedButNotBefore() {
        ManagedSigningKeys node = node();
        node.start();
        String first = store.find(KeyState.CURRENT).kid();
        clock.advance(PUBLISH);
        node.rotate(false);
        long retireUntil = store.rows.get(first).retireUntil();

        clock.advance(Duration.ofSeconds(retireUntil - clock.instant().getEpochSecond() - 1));
        assertTrue(node.read().verifierKeys().stream().anyMatch(k -> k.kid().equals(first)));

        clock.advance(Duration.ofSeconds(1));
        KeyRing after = node.read();
        assertFalse(after.verifierKeys().stream().anyMatch(k -> k.kid().equals(first)));
        assertFalse(store.rows.containsKey(first));
    }

    @Test
    void readWhenRotationPeriodIsUpThenRotatedOnceAndNotBefore() {
        ManagedSigningKeys node = node(box, "RS256", Duration.ofDays(7));
        node.start();
        String first = store.find(KeyState.CURRENT).kid();

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertEquals(first, node.read().requireSigning().kid());

        clock.advance(Duration.ofSeconds(1));
        KeyRing after = node.read();
        assertNotEquals(first, after.requireSigning().kid());
        assertEquals(KeyState.RETIRED, store.rows.get(first).state());
        assertEquals(after.requireSigning().kid(), node.read().requireSigning().kid(), "one rotation per period");
    }

    @Test
    void startWhenEncryptionKeyChangedThenOldCurrentRetiredButPublishedAndNewKeysSign() {
        node().start();
        String oldCurrent = store.find(KeyState.CURRENT).kid();
        String oldNext = store.find(KeyState.NEXT).kid();

        KeyRing ring = node(SecretBox.generated(), "RS256", Duration.ZERO).start();

        assertEquals(KeyState.RETIRED, store.rows.get(oldCurrent).state());
        assertFalse(store.rows.containsKey(oldNext), "a next key that never signed is simply replaced");
        assertNotEquals(oldCurrent, ring.requireSigning().kid());
        assertTrue(ring.verifierKeys().stream().anyMatch(k -> k.kid().equals(oldCurrent)),
                "tokens the old key signed must still verify");
        assertEquals(3, ring.verifierKeys().size());
    }

    @Test
    void readWhenThisNodeCannotOpenTheCurrentKeyThenItCannotSignAndReplacesNothing() {
        node().start();
        Map<String, StoredSigningKey> before = Map.copyOf(store.rows);

        KeyRing ring = node(SecretBox.generated(), "RS256", Duration.ZERO).read();

        assertNull(ring.signing());
        IllegalStateException e = assertThrows(IllegalStateException.class, ring::requireSigning);
        assertTrue(e.getMessage().contains("jwtbearer.encryption-key"), e.getMessage());
        assertEquals(before, Map.copyOf(store.rows));
    }

    @Test
    void openWhenSealedKeyCopiedIntoAnotherRowThenRefused() {
        node().start();
        StoredSigningKey current = store.find(KeyState.CURRENT);
        StoredSigningKey next = store.find(KeyState.NEXT);
        StoredSigningKey swapped = new StoredSigningKey(current.kid(), current.state(), current.algorithm(),
                current.publicKey(), next.sealedPrivateKey(), current.createdAt(), current.activatedAt(), null);

        assertThrows(IllegalArgumentException.class, () -> SigningKeyMaterial.open(swapped, box));
    }

    @Test
    void startWhenAlgorithmIsEs256ThenP256KeysAndJwksHasOnlyPublicMembers() {
        KeyRing ring = node(box, "ES256", Duration.ZERO).start();

        assertEquals("ES256", ring.requireSigning().algorithm());
        assertInstanceOf(ECPrivateKey.class, ring.requireSigning().privateKey());
        List<?> keys = (List<?>) parse(ring.jwks()).get("keys");
        assertEquals(2, keys.size());
        for (Object key : keys) {
            Map<?, ?> jwk = (Map<?, ?>) key;
            assertEquals("EC", jwk.get("kty"));
            assertEquals("ES256", jwk.get("alg"));
            assertEquals("sig", jwk.get("use"));
            assertFalse(jwk.containsKey("d"), "never private material");
        }
    }

    @Test
    void jwksWhenRsaThenEveryKeyHasKidAlgAndNoPrivateMembers() {
        KeyRing ring = node().start();

        for (Object key : (List<?>) parse(ring.jwks()).get("keys")) {
            Map<?, ?> jwk = (Map<?, ?>) key;
            assertEquals("RS256", jwk.get("alg"));
            assertTrue(jwk.containsKey("kid"));
            for (String member : List.of("d", "p", "q", "dp", "dq", "qi")) {
                assertFalse(jwk.containsKey(member), member);
            }
        }
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JsonUtil.parseJson(json);
        } catch (org.jose4j.lang.JoseException e) {
            throw new AssertionError(e);
        }
    }
}
