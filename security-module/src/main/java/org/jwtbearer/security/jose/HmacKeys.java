package org.jwtbearer.security.jose;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC keys (RFC 7518 §3.2) made from a shared secret. A key shorter than the hash output — 32, 48, 64 bytes
 * for HS256, HS384, HS512 — is refused: "A key of the same size as the hash output or larger MUST be used".
 */
public final class HmacKeys {

    private HmacKeys() {
    }

    /** The least key length in bytes for an HMAC algorithm. */
    public static int minimumBytes(String alg) {
        return switch (alg) {
            case "HS256" -> 32;
            case "HS384" -> 48;
            case "HS512" -> 64;
            default -> throw new IllegalArgumentException("not an HMAC algorithm: " + CompactJws.printable(alg));
        };
    }

    /** @throws KeyMaterialException when the secret is too short for {@code alg} */
    public static SecretKey forAlgorithm(String alg, byte[] secret) {
        int minimum = minimumBytes(alg);
        if (secret.length < minimum) {
            throw new KeyMaterialException("an " + alg + " key needs at least " + minimum + " bytes; this one has " + secret.length);
        }
        return new SecretKeySpec(secret, "Hmac" + alg.replace("HS", "SHA"));
    }
}
