package org.jwtbearer.security.jose;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/** Key thumbprints: of X.509 certificates as JOSE headers carry them (RFC 7515 §4.1.7, §4.1.8), and of JWKs (RFC 7638). */
public final class Thumbprints {

    private Thumbprints() {
    }

    /** {@code x5t#S256}: base64url of the SHA-256 digest of the DER-encoded certificate. */
    public static String x5tS256(X509Certificate certificate) {
        return digest("SHA-256", certificate);
    }

    /** {@code x5t}: base64url of the SHA-1 digest of the DER-encoded certificate. */
    public static String x5t(X509Certificate certificate) {
        return digest("SHA-1", certificate);
    }

    /** The RFC 7638 JWK thumbprint (SHA-256) of a public key: the same for the key whatever form it came in. */
    public static String jwk(PublicKey publicKey) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(publicKey).calculateBase64urlEncodedThumbprint("SHA-256");
        } catch (JoseException e) {
            throw new KeyMaterialException("cannot compute the key's JWK thumbprint", e);
        }
    }

    private static String digest(String algorithm, X509Certificate certificate) {
        try {
            byte[] der = certificate.getEncoded();
            byte[] hash = MessageDigest.getInstance(algorithm).digest(der);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new KeyMaterialException("cannot compute the certificate thumbprint", e);
        }
    }
}
