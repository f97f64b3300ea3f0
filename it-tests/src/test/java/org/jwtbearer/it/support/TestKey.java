package org.jwtbearer.it.support;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

import org.jwtbearer.security.assertion.SigningKey;
import org.jwtbearer.security.jose.Pem;

/** A key pair made for one test, registered by its public key PEM. */
public record TestKey(KeyPair pair) {

    public static TestKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TestKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String publicPem() {
        return Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    public SigningKey signing(String kid) {
        return new SigningKey(pair.getPrivate(), kid, "RS256", null);
    }
}
