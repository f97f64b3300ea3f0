package org.jwtbearer.security.jose;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** X.509 certificate thumbprints as JOSE headers carry them (RFC 7515 §4.1.7 and §4.1.8). */
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
