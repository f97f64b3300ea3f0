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

import org.jwtbearer.security.jose.KeyMaterialException;

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
