package org.jwtbearer.security.jose;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.jwtbearer.security.TestKeys;

class KeyStrengthTest {

    @Test
    void requireStrongWhenRsa2048WithF4ThenAccepted() {
        assertDoesNotThrow(() -> KeyStrength.requireStrong(TestKeys.RSA.getPublic()));
    }

    @Test
    void requireStrongWhenRsaBelow2048BitsThenRefused() {
        var weak = TestKeys.rsa(1024, BigInteger.valueOf(65537)).getPublic();
        KeyMaterialException e = assertThrows(KeyMaterialException.class, () -> KeyStrength.requireStrong(weak));
        assertTrue(e.getMessage().contains("1024"));
    }

    @Test
    void requireStrongWhenRsaExponentThreeThenRefused() {
        var weak = TestKeys.rsa(2048, BigInteger.valueOf(3)).getPublic();
        assertThrows(KeyMaterialException.class, () -> KeyStrength.requireStrong(weak));
    }

    @Test
    void requireStrongWhenEcOrEdDsaThenAccepted() {
        assertDoesNotThrow(() -> KeyStrength.requireStrong(TestKeys.EC_P256.getPublic()));
        assertDoesNotThrow(() -> KeyStrength.requireStrong(TestKeys.EC_P384.getPublic()));
        assertDoesNotThrow(() -> KeyStrength.requireStrong(TestKeys.ED25519.getPublic()));
    }

    @Test
    void verifierKeyWhenWeakThenCannotBeBuilt() {
        var weak = TestKeys.rsa(1024, BigInteger.valueOf(65537)).getPublic();
        assertThrows(KeyMaterialException.class, () -> new VerifierKey("k", weak, null));
    }
}
