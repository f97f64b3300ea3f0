package org.jwtbearer.security.jose;

import java.io.ByteArrayInputStream;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM encoding and decoding of certificates and public keys (RFC 7468). */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
    private static final List<String> PUBLIC_KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

    private Pem() {
    }

    public static X509Certificate parseCertificate(String pem) {
        byte[] der = decode(pem, "CERTIFICATE");
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new KeyMaterialException("not a valid X.509 certificate: " + e.getMessage(), e);
        }
    }

    public static PublicKey parsePublicKey(String pem) {
        var spec = new X509EncodedKeySpec(decode(pem, "PUBLIC KEY"));
        for (String algorithm : PUBLIC_KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(spec);
            } catch (Exception wrongAlgorithm) {
                // try the next key family
            }
        }
        throw new KeyMaterialException("not an RSA, EC or EdDSA public key");
    }

    public static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] decode(String pem, String expectedType) {
        if (pem == null) {
            throw new KeyMaterialException("no PEM text");
        }
        Matcher m = BLOCK.matcher(pem);
        if (!m.find()) {
            throw new KeyMaterialException("no PEM block found; expected -----BEGIN " + expectedType + "-----");
        }
        if (!m.group(1).equals(expectedType)) {
            throw new KeyMaterialException("PEM block is " + m.group(1) + "; expected " + expectedType);
        }
        try {
            return Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new KeyMaterialException("PEM body is not valid base64", e);
        }
    }
}
