package org.jwtbearer.security.assertion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.jwtbearer.security.jose.KeyMaterialException;
import org.jwtbearer.security.jose.Pem;
import org.jwtbearer.security.jose.SignatureAlgorithms;

/**
 * A private key that signs JWTs, with the {@code kid} and algorithm its signatures are labelled with and,
 * when it came from a keystore, its certificate.
 */
public record SigningKey(PrivateKey privateKey, String kid, String algorithm, X509Certificate certificate) {

    public SigningKey {
        if (privateKey == null) {
            throw new KeyMaterialException("no private key");
        }
        if (algorithm == null) {
            algorithm = defaultAlgorithm(privateKey);
        }
        if (!SignatureAlgorithms.isAsymmetric(algorithm)) {
            throw new KeyMaterialException("'" + algorithm + "' is not a signature algorithm for a private key; use one of "
                    + String.join(", ", SignatureAlgorithms.ASYMMETRIC));
        }
        if (!fits(algorithm, privateKey)) {
            throw new KeyMaterialException(algorithm + " cannot sign with this " + describe(privateKey) + " key; it signs with "
                    + defaultAlgorithm(privateKey));
        }
    }

    /** The same key labelled with another {@code kid} (the one registered at the token endpoint). */
    public SigningKey withKid(String newKid) {
        return new SigningKey(privateKey, newKid, algorithm, certificate);
    }

    /** The same key signing with another algorithm of its family (PS256 instead of RS256, say). */
    public SigningKey withAlgorithm(String newAlgorithm) {
        return new SigningKey(privateKey, kid, newAlgorithm, certificate);
    }

    /** An unencrypted PKCS#8 or PKCS#1 PEM private key (a Google service account's {@code private_key}, say). */
    public static SigningKey fromPem(String pem, String kid, String algorithm) {
        return new SigningKey(Pem.parsePrivateKey(pem), kid, algorithm, null);
    }

    /** A private JWK (RFC 7517); its {@code kid} and {@code alg} members label the signatures unless given here. */
    public static SigningKey fromJwk(String json, String kid, String algorithm) {
        try {
            JsonWebKey jwk = JsonWebKey.Factory.newJwk(json);
            if (!(jwk instanceof PublicJsonWebKey pair) || pair.getPrivateKey() == null) {
                throw new KeyMaterialException("the JWK holds no private key (an RSA, EC or OKP key with its private part)");
            }
            return new SigningKey(pair.getPrivateKey(), kid != null ? kid : jwk.getKeyId(),
                    algorithm != null ? algorithm : jwk.getAlgorithm(), null);
        } catch (JoseException e) {
            throw new KeyMaterialException("not a valid JWK: " + e.getMessage(), e);
        }
    }

    /** Loads the private key under {@code alias} from a PKCS12 or JKS keystore (the type is detected). */
    public static SigningKey fromKeystore(Path keystore, char[] storePassword, String alias, char[] keyPassword,
                                          String kid, String algorithm) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance(keystore.toFile(), storePassword);
            String entry = alias != null ? alias : onlyKeyAlias(store);
            Key key = store.getKey(entry, keyPassword != null ? keyPassword : storePassword);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new KeyMaterialException("the keystore has no private key under alias '" + entry + "'");
            }
            Certificate certificate = store.getCertificate(entry);
            return new SigningKey(privateKey, kid != null ? kid : entry, algorithm,
                    certificate instanceof X509Certificate x509 ? x509 : null);
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyMaterialException("cannot read keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    private static String onlyKeyAlias(KeyStore store) throws GeneralSecurityException {
        String found = null;
        for (String alias : java.util.Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                if (found != null) {
                    throw new KeyMaterialException("the keystore holds several keys; name one with an alias");
                }
                found = alias;
            }
        }
        if (found == null) {
            throw new KeyMaterialException("the keystore holds no private key");
        }
        return found;
    }

    private static boolean fits(String algorithm, PrivateKey key) {
        if (algorithm.startsWith("RS") || algorithm.startsWith("PS")) {
            return key instanceof RSAPrivateKey;
        }
        if (algorithm.startsWith("ES")) {
            return key instanceof ECPrivateKey && algorithm.equals(defaultAlgorithm(key));
        }
        return "EdDSA".equals(algorithm) && "EdDSA".equals(defaultAlgorithm(key));
    }

    private static String describe(PrivateKey key) {
        return key instanceof ECPrivateKey ec ? "EC P-" + ec.getParams().getCurve().getField().getFieldSize() : key.getAlgorithm();
    }

    static String defaultAlgorithm(PrivateKey key) {
        if (key instanceof RSAPrivateKey) {
            return "RS256";
        }
        if (key instanceof ECPrivateKey ec) {
            return switch (ec.getParams().getCurve().getField().getFieldSize()) {
                case 384 -> "ES384";
                case 521 -> "ES512";
                default -> "ES256";
            };
        }
        if ("EdDSA".equals(key.getAlgorithm()) || "Ed25519".equals(key.getAlgorithm())) {
            return "EdDSA";
        }
        throw new KeyMaterialException("unsupported private key type " + key.getAlgorithm());
    }
}
