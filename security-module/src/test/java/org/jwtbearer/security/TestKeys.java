package org.jwtbearer.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.math.BigInteger;

import org.jwtbearer.security.assertion.SigningKey;

/** Key pairs generated once per JVM, and the test certificate (valid 2026–2125) with its key. */
public final class TestKeys {

    public static final KeyPair RSA = generate("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
    public static final KeyPair OTHER_RSA = generate("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
    public static final KeyPair EC_P256 = generate("EC", new ECGenParameterSpec("secp256r1"));
    public static final KeyPair EC_P384 = generate("EC", new ECGenParameterSpec("secp384r1"));
    public static final KeyPair ED25519 = generate("Ed25519", null);

    private TestKeys() {
    }

    public static KeyPair rsa(int bits, BigInteger exponent) {
        return generate("RSA", new RSAKeyGenParameterSpec(bits, exponent));
    }

    public static SigningKey signing(KeyPair pair, String kid, String alg) {
        return new SigningKey(pair.getPrivate(), kid, alg, null);
    }

    public static String certificatePem() {
        return resource("/test-cert.pem");
    }

    /** The private key of the test certificate. */
    public static SigningKey certificateKey(String kid) {
        try (InputStream in = TestKeys.class.getResourceAsStream("/test-cert.p12")) {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(in, "testpass".toCharArray());
            return new SigningKey((java.security.PrivateKey) store.getKey("test-cert", "testpass".toCharArray()), kid, "RS256",
                    (java.security.cert.X509Certificate) store.getCertificate("test-cert"));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = TestKeys.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(String algorithm, java.security.spec.AlgorithmParameterSpec spec) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (spec != null) {
                generator.initialize(spec);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
