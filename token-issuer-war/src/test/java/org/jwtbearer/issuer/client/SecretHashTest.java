package org.jwtbearer.issuer.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretHashTest {

    @Test
    void matchesWhenSameSecretThenTrueAndOtherwiseFalse() {
        String hash = SecretHash.hash("s3cret");
        assertTrue(SecretHash.matches("s3cret", hash));
        assertFalse(SecretHash.matches("s3cret ", hash));
        assertFalse(SecretHash.matches("", hash));
    }

    @Test
    void hashWhenSameSecretTwiceThenSaltsDiffer() {
        assertNotEquals(SecretHash.hash("s3cret"), SecretHash.hash("s3cret"));
    }

    @Test
    void hashNeverContainsTheSecret() {
        assertFalse(SecretHash.hash("plain-secret-value").contains("plain-secret-value"));
    }

    @Test
    void matchesWhenStoredValueIsNotOurFormatThenFalse() {
        assertFalse(SecretHash.matches("s3cret", "s3cret"));
        assertFalse(SecretHash.matches("s3cret", "md5$x$y$z"));
    }
}
