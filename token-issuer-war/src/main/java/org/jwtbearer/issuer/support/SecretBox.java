package org.jwtbearer.issuer.support;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest for what the issuer must be able to read back — HMAC client secrets, its own signing
 * keys — with AES-256-GCM under the key of setting {@code jwtbearer.encryption-key}. The associated data
 * binds a sealed value to its place (for example the client id), so a value copied into another row
 * does not open.
 *
 * <p>Sealed form: {@code v1.} + base64url(12-byte nonce ‖ ciphertext ‖ 16-byte tag).
 */
public final class SecretBox {

    private static final String PREFIX = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the encryption key must be 32 bytes (256 bits), not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** From the setting's value: 32 bytes, base64 or base64url encoded. */
    public static SecretBox fromBase64(String encoded) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.trim().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the encryption key is not base64", e);
        }
        return new SecretBox(key);
    }

    public static SecretBox generated() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new SecretBox(key);
    }

    public String seal(byte[] plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the value was not sealed by this key for this associated data
     *                                  (another key, another row, or tampered with)
     */
    public byte[] open(String sealed, String associatedData) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed value");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a sealed value", e);
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("not a sealed value");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, NONCE_BYTES), associatedData);
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed value does not open with this key (wrong jwtbearer.encryption-key?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return cipher;
    }
}
