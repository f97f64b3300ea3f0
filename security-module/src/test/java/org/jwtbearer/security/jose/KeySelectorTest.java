package org.jwtbearer.security.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.jwtbearer.security.TestKeys;

class KeySelectorTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final VerifierKey RSA = new VerifierKey("rsa", TestKeys.RSA.getPublic(), null);
    private static final VerifierKey OTHER_RSA = new VerifierKey("other", TestKeys.OTHER_RSA.getPublic(), null);
    private static final VerifierKey EC = new VerifierKey("ec", TestKeys.EC_P256.getPublic(), null);
    private static final VerifierKey CERT = VerifierKey.fromCertificatePem("cert", TestKeys.certificatePem());

    private static KeySelector.KeyHints kid(String kid) {
        return new KeySelector.KeyHints(kid, null, null);
    }

    @Test
    void selectWhenKidMatchesThenThatKey() {
        assertEquals(RSA, KeySelector.select(List.of(OTHER_RSA, RSA, EC), kid("rsa"), "RS256", NOW).orElseThrow());
    }

    @Test
    void selectWhenKidUnknownThenNone() {
        assertTrue(KeySelector.select(List.of(RSA, EC), kid("nope"), "RS256", NOW).isEmpty());
    }

    @Test
    void selectWhenKidNamesKeyOfAnotherFamilyThenNone() {
        assertTrue(KeySelector.select(List.of(RSA, EC), kid("ec"), "RS256", NOW).isEmpty());
        assertTrue(KeySelector.select(List.of(RSA, EC), kid("rsa"), "ES256", NOW).isEmpty());
        assertTrue(KeySelector.select(List.of(EC), kid("ec"), "ES384", NOW).isEmpty(), "P-256 key for ES384");
    }

    @Test
    void selectWhenThumbprintGivenThenCertificateKey() {
        var hints = new KeySelector.KeyHints(null, CERT.x5tS256(), null);
        assertEquals(CERT, KeySelector.select(List.of(RSA, CERT), hints, "RS256", NOW).orElseThrow());
        var sha1 = new KeySelector.KeyHints(null, null, CERT.x5t());
        assertEquals(CERT, KeySelector.select(List.of(RSA, CERT), sha1, "RS256", NOW).orElseThrow());
    }

    @Test
    void selectWhenCertificateOutsideValidityThenNone() {
        assertTrue(KeySelector.select(List.of(CERT), kid("cert"), "RS256", Instant.parse("2200-01-01T00:00:00Z")).isEmpty());
    }

    @Test
    void selectWhenNoHintsThenOnlyAnUnambiguousKey() {
        var none = new KeySelector.KeyHints(null, null, null);
        assertEquals(RSA, KeySelector.select(List.of(RSA, EC), none, "RS256", NOW).orElseThrow());
        assertTrue(KeySelector.select(List.of(RSA, OTHER_RSA), none, "RS256", NOW).isEmpty());
    }

    @Test
    void selectWhenTwoKeysShareKidThenNone() {
        VerifierKey clash = new VerifierKey("rsa", TestKeys.OTHER_RSA.getPublic(), null);
        assertTrue(KeySelector.select(List.of(RSA, clash), kid("rsa"), "RS256", NOW).isEmpty());
    }
}
