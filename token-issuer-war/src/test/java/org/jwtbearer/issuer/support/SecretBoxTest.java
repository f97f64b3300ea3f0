package org.jwtbearer.issuer.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final SecretBox box = SecretBox.generated();
    private final byte[] secret = "a secret of thirty-two bytes!!!!".getBytes(StandardCharsets.UTF_8);

    @Test
    void openWhenSealedForTheSamePlaceThenPlaintext() {
        assertArrayEquals(secret, box.open(box.seal(secret, "client-a"), "client-a"));
    }

    @Test
    void sealWhenCalledTwiceThenDifferentNonces() {
        assertNotEquals(box.seal(secret, "a"), box.seal(secret, "a"));
    }

    @Test
    void openWhenMovedToAnotherPlaceThenRefused() {
        String sealed = box.seal(secret, "client-a");
        assertThrows(IllegalArgumentException.class, () -> box.open(sealed, "client-b"));
    }

    @Test
    void openWhenOtherKeyThenRefused() {
        String sealed = box.seal(secret, "a");
        assertThrows(IllegalArgumentException.class, () -> SecretBox.generated().open(sealed, "a"));
    }

    @Test
    void openWhenTamperedThenRefused() {
        String sealed = box.seal(secret, "a");
        char last = sealed.charAt(sealed.length() - 1);
        String tampered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThrows(IllegalArgumentException.class, () -> box.open(tampered, "a"));
        assertThrows(IllegalArgumentException.class, () -> box.open("v1.AAAA", "a"));
        assertThrows(IllegalArgumentException.class, () -> box.open("plain", "a"));
    }

    @Test
    void fromBase64WhenWrongLengthThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> SecretBox.fromBase64(Base64.getEncoder().encodeToString(new byte[16])));
        assertThrows(IllegalArgumentException.class, () -> SecretBox.fromBase64("not base64 at all!"));
    }
}
