package org.jwtbearer.security.jose;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM encoding and decoding of certificates, public keys and unencrypted private keys (RFC 7468). */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
    private static final List<String> PUBLIC_KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

    private Pem() {
    }

    /**
     * The labels of every {@code -----BEGIN …-----} line, in order: what kind of key text this is, read before
     * deciding how to parse it (a private key where a public one is expected must be named as such, not
     * reported as "not a public key").
     */
    public static List<String> labels(String pem) {
        if (pem == null) {
            return List.of();
        }
        return BEGIN.matcher(pem).results().map(m -> m.group(1)).toList();
    }

    public static X509Certificate parseCertificate(String pem) {
        byte[] der = decode(pem, "CERTIFICATE");
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            // The provider's message names Java exceptions; the cause stays attached for the log.
            throw new KeyMaterialException("not a valid X.509 certificate", e);
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

    /**
     * An unencrypted private key: PKCS#8 ({@code BEGIN PRIVATE KEY}, what {@code openssl genpkey} and Google's
     * service-account files hold) or PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}, older OpenSSL). Other kinds are
     * refused with the command that converts them.
     */
    public static PrivateKey parsePrivateKey(String pem) {
        Matcher m = block(pem);
        byte[] der = body(m);
        return switch (m.group(1)) {
            case "PRIVATE KEY" -> pkcs8(der);
            case "RSA PRIVATE KEY" -> pkcs8(wrapPkcs1(der));
            case "ENCRYPTED PRIVATE KEY" -> throw new KeyMaterialException("encrypted PEM private keys are not read; "
                    + "decrypt it (openssl pkcs8 -in key.pem -out plain.pem) or use a PKCS12 keystore");
            case "EC PRIVATE KEY" -> throw new KeyMaterialException("SEC1 EC private keys are not read; convert it to "
                    + "PKCS#8 (openssl pkcs8 -topk8 -nocrypt -in key.pem -out pkcs8.pem)");
            default -> throw new KeyMaterialException("PEM block is " + m.group(1) + "; expected PRIVATE KEY");
        };
    }

    private static PrivateKey pkcs8(byte[] der) {
        var spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : PUBLIC_KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (Exception wrongAlgorithm) {
                // try the next key family
            }
        }
        throw new KeyMaterialException("not an RSA, EC or EdDSA private key");
    }

    /** PKCS#8 PrivateKeyInfo around a PKCS#1 RSAPrivateKey: version 0, rsaEncryption with NULL parameters. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        byte[] version = {0x02, 0x01, 0x00};
        byte[] rsaAlgorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
                0x01, 0x05, 0x00};
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(version);
        content.writeBytes(rsaAlgorithm);
        content.writeBytes(derTagged(0x04, pkcs1));
        return derTagged(0x30, content.toByteArray());
    }

    private static byte[] derTagged(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    public static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] decode(String pem, String expectedType) {
        Matcher m = block(pem);
        if (!m.group(1).equals(expectedType)) {
            throw new KeyMaterialException("PEM block is " + m.group(1) + "; expected " + expectedType);
        }
        return body(m);
    }

    private static Matcher block(String pem) {
        if (pem == null) {
            throw new KeyMaterialException("no PEM text");
        }
        Matcher m = BLOCK.matcher(pem);
        if (!m.find()) {
            throw new KeyMaterialException("no PEM block found (-----BEGIN ...-----)");
        }
        return m;
    }

    private static byte[] body(Matcher m) {
        try {
            return Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new KeyMaterialException("PEM body is not valid base64", e);
        }
    }
}
