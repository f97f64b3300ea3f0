package org.jwtbearer.issuer.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

import org.jwtbearer.issuer.support.SecretBox;
import org.jwtbearer.security.assertion.SigningKey;
import org.jwtbearer.security.jose.Thumbprints;
import org.jwtbearer.security.jose.VerifierKey;

/** Making managed signing keys, and turning them into and out of their stored form. */
final class SigningKeyMaterial {

    private SigningKeyMaterial() {
    }

    /** A fresh key for {@code algorithm} (RSA 2048 for RS256/PS256, P-256 for ES256), sealed under its kid. */
    static StoredSigningKey generate(String algorithm, KeyState state, long now, SecretBox box) {
        KeyPair pair = generatePair(algorithm);
        String kid = thumbprint(pair.getPublic());
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        try {
            return new StoredSigningKey(kid, state, algorithm,
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                    box.seal(pkcs8, kid), now, state == KeyState.CURRENT ? now : null, null);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** The public key, as published. */
    static VerifierKey verifierKey(StoredSigningKey stored) {
        return new VerifierKey(stored.kid(), publicKey(stored), null, stored.algorithm());
    }

    /**
     * The private key, opened with the kid as associated data: a sealed key copied into another row does not open.
     *
     * @throws IllegalArgumentException when it does not open (another encryption key, another row, tampered with)
     */
    static SigningKey open(StoredSigningKey stored, SecretBox box) {
        if (stored.sealedPrivateKey() == null) {
            throw new IllegalArgumentException("the key " + stored.kid() + " has no private key (retired)");
        }
        byte[] pkcs8 = box.open(stored.sealedPrivateKey(), stored.kid());
        try {
            PrivateKey privateKey = KeyFactory.getInstance(family(stored.algorithm())).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new SigningKey(privateKey, stored.kid(), stored.algorithm(), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the private key of " + stored.kid() + " is not a valid PKCS#8 "
                    + family(stored.algorithm()) + " key", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** The kid is the key's RFC 7638 thumbprint: stable for the key, and different for every other key. */
    static String thumbprint(PublicKey publicKey) {
        return Thumbprints.jwk(publicKey);
    }

    private static PublicKey publicKey(StoredSigningKey stored) {
        try {
            return KeyFactory.getInstance(family(stored.algorithm()))
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(stored.publicKey())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the stored public key of " + stored.kid() + " is not readable", e);
        }
    }

    private static KeyPair generatePair(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(family(algorithm));
            if (algorithm.startsWith("ES")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a key for " + algorithm, e);
        }
    }

    private static String family(String algorithm) {
        return switch (algorithm) {
            case "RS256", "PS256" -> "RSA";
            case "ES256" -> "EC";
            default -> throw new IllegalStateException("no generated keys for algorithm " + algorithm);
        };
    }
}
