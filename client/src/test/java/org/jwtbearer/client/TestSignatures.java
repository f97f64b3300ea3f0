package org.jwtbearer.client;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

/** Keys for the client's tests, and the check that what the client sent is signed by them. */
public final class TestSignatures {

    private TestSignatures() {
    }

    public static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of an RS256 JWS, after its signature verified under {@code key}. */
    public static JwtClaims verifiedClaims(String jws, PublicKey key) throws Exception {
        JsonWebSignature parsed = new JsonWebSignature();
        parsed.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256"));
        parsed.setCompactSerialization(jws);
        parsed.setKey(key);
        assertTrue(parsed.verifySignature(), "signature");
        return JwtClaims.parse(parsed.getPayload());
    }
}
