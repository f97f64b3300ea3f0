package org.jwtbearer.issuer.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** HS* algorithms: only for a confidential client whose secret is at least as long as the hash output. */
class ClientDefinitionTest {

    private static ClientDefinition define(Optional<String> secret, boolean publicClient, List<String> algorithms) {
        return new ClientDefinition("c1", null, secret, publicClient, UserField.USER_NAME, List.of(), List.of(), 300, 60, true,
                1800, List.of("useraccount"), algorithms, List.of(), List.of(), true, Optional.empty());
    }

    private static String refusal(Optional<String> secret, boolean publicClient, List<String> algorithms) {
        return assertThrows(IllegalArgumentException.class, () -> define(secret, publicClient, algorithms)).getMessage();
    }

    @Test
    void whenHmacSecretLongEnoughThenAccepted() {
        assertTrue(define(Optional.of("x".repeat(32)), false, List.of("HS256", "RS256")).usesHmac());
        assertDoesNotThrow(() -> define(Optional.of("x".repeat(64)), false, List.of("HS512")));
        assertFalse(define(Optional.of("short"), false, List.of("RS256")).usesHmac());
    }

    @Test
    void whenHmacSecretShorterThanHashOutputThenRefusedSayingHowLong() {
        String message = refusal(Optional.of("x".repeat(31)), false, List.of("HS256"));
        assertTrue(message.contains("HS256") && message.contains("at least 32 bytes") && message.contains("31"), message);
        assertTrue(refusal(Optional.of("x".repeat(48)), false, List.of("HS256", "HS512")).contains("at least 64 bytes"));
        assertTrue(refusal(Optional.of("x".repeat(47)), false, List.of("HS384")).contains("at least 48 bytes"));
    }

    @Test
    void whenHmacSecretCountedInUtf8BytesThenMultibyteCharactersCount() {
        assertDoesNotThrow(() -> define(Optional.of("é".repeat(16)), false, List.of("HS256")));
    }

    @Test
    void whenHmacWithoutSecretOrForPublicClientThenRefused() {
        assertTrue(refusal(Optional.empty(), false, List.of("HS256")).contains("client_secret"));
        assertTrue(refusal(Optional.empty(), true, List.of("HS256")).contains("public"));
    }

    @Test
    void whenUnknownOrNoneAlgorithmThenRefused() {
        assertTrue(refusal(Optional.of("x".repeat(64)), false, List.of("none")).contains("not supported"));
        assertTrue(refusal(Optional.of("x".repeat(64)), false, List.of("HS1")).contains("not supported"));
    }

    @Test
    void whenHmacSecretTooLongToStoreThenRefused() {
        assertTrue(refusal(Optional.of("x".repeat(ClientDefinition.MAX_HMAC_SECRET_BYTES + 1)), false, List.of("HS256"))
                .contains("at most"));
    }
}
