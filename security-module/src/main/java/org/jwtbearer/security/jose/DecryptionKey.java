package org.jwtbearer.security.jose;

import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * An RSA private key that unwraps the content-encryption key of a JWE (RFC 7516 key management). Built only
 * through the constructor's checks: RSA, at least 2048 bits, and an algorithm, when the key declares one, that
 * is a supported key-management algorithm.
 *
 * @param kid        key id, matched against the JWE {@code kid} header; may be null
 * @param privateKey the key itself
 * @param algorithm  the one key-management algorithm the key may be used with (a JWK's {@code alg}), or null
 *                   for any of {@link #ALGORITHMS}
 */
public record DecryptionKey(String kid, PrivateKey privateKey, String algorithm) {

    /** MP-JWT 2.1 requires exactly these two ("RSA-OAEP" and "RSA-OAEP-256"); RSA1_5 stays out (RFC 8725 §3.2). */
    public static final Set<String> ALGORITHMS = Set.of("RSA-OAEP", "RSA-OAEP-256");

    /** MP-JWT 2.1: key-management keys are RSA keys "with a public RSA key length 2048 bits or higher". */
    public static final int MIN_RSA_BITS = 2048;

    public DecryptionKey {
        if (!(privateKey instanceof RSAPrivateKey rsa)) {
            throw new KeyMaterialException("decryption keys must be RSA private keys (RSA-OAEP, RSA-OAEP-256); this one is "
                    + (privateKey == null ? "missing" : privateKey.getAlgorithm()));
        }
        int bits = rsa.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            throw new KeyMaterialException("RSA decryption key of " + bits + " bits; at least " + MIN_RSA_BITS + " are required");
        }
        if (algorithm != null && !ALGORITHMS.contains(algorithm)) {
            throw new KeyMaterialException("the key is declared for " + CompactJws.printable(algorithm)
                    + "; only RSA-OAEP and RSA-OAEP-256 are supported");
        }
    }

    /** Whether this key may unwrap a content-encryption key wrapped with {@code alg}. */
    public boolean allows(String alg) {
        return ALGORITHMS.contains(alg) && (algorithm == null || algorithm.equals(alg));
    }

    /**
     * A key from a private RSA JWK. One marked for signatures ({@code use} {@code sig}, {@code key_ops} without
     * {@code decrypt} or {@code unwrapKey}) is refused: RFC 8725 §3.1, one key, one purpose.
     */
    public static DecryptionKey fromJwk(Map<String, Object> jwk) {
        if (!"RSA".equals(jwk.get("kty"))) {
            throw new KeyMaterialException("the JWK is not an RSA key (kty " + CompactJws.printable(String.valueOf(jwk.get("kty"))) + ")");
        }
        if (!jwk.containsKey("d")) {
            throw new KeyMaterialException("the JWK holds no private key (no \"d\"); decryption needs the private key");
        }
        Object use = jwk.get("use");
        if (use != null && !"enc".equals(use)) {
            throw new KeyMaterialException("the JWK is for use " + CompactJws.printable(String.valueOf(use)) + ", not for encryption");
        }
        Object keyOps = jwk.get("key_ops");
        if (keyOps != null && !(keyOps instanceof List<?> ops && (ops.contains("unwrapKey") || ops.contains("decrypt")))) {
            throw new KeyMaterialException("the JWK's key_ops include neither unwrapKey nor decrypt");
        }
        Object alg = jwk.get("alg");
        if (alg != null && !(alg instanceof String)) {
            throw new KeyMaterialException("the JWK's alg is not a string");
        }
        try {
            JsonWebKey parsed = JsonWebKey.Factory.newJwk(jwk);
            if (!(parsed instanceof PublicJsonWebKey rsa) || rsa.getPrivateKey() == null) {
                throw new KeyMaterialException("the JWK is not an RSA private key");
            }
            return new DecryptionKey(parsed.getKeyId(), rsa.getPrivateKey(), (String) alg);
        } catch (JoseException | RuntimeException e) {
            if (e instanceof KeyMaterialException known) {
                throw known;
            }
            throw new KeyMaterialException("not a valid JWK: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        // Never the key itself: records print their components, and this one is a private key.
        return "DecryptionKey[kid=" + kid + ", algorithm=" + algorithm + "]";
    }
}
