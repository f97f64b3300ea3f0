package org.jwtbearer.security.jose;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * A public key registered to verify signatures, with what selects it: its {@code kid} and, when it came as a
 * certificate, the certificate's thumbprints and validity dates. Built only through the factories, which
 * refuse private key material and weak keys.
 *
 * @param kid         key id, matched against the JWS {@code kid} header; may be null
 * @param publicKey   the key itself
 * @param certificate the X.509 certificate the key came in, or null
 * @param algorithm   the one algorithm the key may be used with (a JWK's {@code alg}), or null for any
 *                    algorithm of its family
 * @param minRsaBits  the least RSA modulus size the key was admitted under: {@link KeyStrength#MIN_RSA_BITS} unless
 *                    an application's verifier lowers it ({@code jwtbearer.verify.rsa-min-bits})
 */
public record VerifierKey(String kid, PublicKey publicKey, X509Certificate certificate, String algorithm, int minRsaBits) {

    public VerifierKey {
        if (publicKey == null) {
            throw new KeyMaterialException("no public key");
        }
        KeyStrength.requireStrong(publicKey, minRsaBits);
        if (algorithm != null && !SignatureAlgorithms.fitsKey(algorithm, publicKey)) {
            throw new KeyMaterialException("the key is declared for " + CompactJws.printable(algorithm)
                    + ", which is not a supported signature algorithm for a key of its type and curve");
        }
    }

    public VerifierKey(String kid, PublicKey publicKey, X509Certificate certificate, String algorithm) {
        this(kid, publicKey, certificate, algorithm, KeyStrength.MIN_RSA_BITS);
    }

    public VerifierKey(String kid, PublicKey publicKey, X509Certificate certificate) {
        this(kid, publicKey, certificate, null);
    }

    /** Whether this key may verify a signature made with {@code alg}. */
    public boolean allows(String alg) {
        return (algorithm == null || algorithm.equals(alg)) && SignatureAlgorithms.fitsKey(alg, publicKey);
    }

    public static VerifierKey fromCertificatePem(String kid, String pem) {
        return fromCertificatePem(kid, pem, KeyStrength.MIN_RSA_BITS);
    }

    public static VerifierKey fromCertificatePem(String kid, String pem, int minRsaBits) {
        X509Certificate certificate = Pem.parseCertificate(pem);
        return new VerifierKey(kid, certificate.getPublicKey(), certificate, null, minRsaBits);
    }

    public static VerifierKey fromPublicKeyPem(String kid, String pem) {
        return fromPublicKeyPem(kid, pem, KeyStrength.MIN_RSA_BITS);
    }

    public static VerifierKey fromPublicKeyPem(String kid, String pem, int minRsaBits) {
        return new VerifierKey(kid, Pem.parsePublicKey(pem), null, null, minRsaBits);
    }

    /**
     * A key from a JWK (RFC 7517). The JWK's own {@code kid} is used unless {@code kid} is given; its
     * {@code alg}, when present, becomes the only algorithm the key verifies. A JWK that carries private
     * members ({@code d}, …) or is meant for encryption is refused rather than silently adapted.
     */
    public static VerifierKey fromJwk(String kid, Map<String, Object> jwk) {
        return fromJwk(kid, jwk, KeyStrength.MIN_RSA_BITS);
    }

    /** {@link #fromJwk(String, Map)} admitting RSA keys of {@code minRsaBits} or more. */
    public static VerifierKey fromJwk(String kid, Map<String, Object> jwk, int minRsaBits) {
        if (jwk.containsKey("d") || jwk.containsKey("p") || jwk.containsKey("k")) {
            throw new KeyMaterialException("the JWK holds private or symmetric key material; register the public key only");
        }
        Object use = jwk.get("use");
        if (use != null && !"sig".equals(use)) {
            throw new KeyMaterialException("the JWK is for use " + CompactJws.printable(String.valueOf(use)) + ", not for signatures");
        }
        Object keyOps = jwk.get("key_ops");
        if (keyOps != null && !(keyOps instanceof java.util.List<?> ops && ops.contains("verify"))) {
            throw new KeyMaterialException("the JWK's key_ops do not include verify");
        }
        Object alg = jwk.get("alg");
        if (alg != null && !(alg instanceof String)) {
            throw new KeyMaterialException("the JWK's alg is not a string");
        }
        try {
            JsonWebKey parsed = JsonWebKey.Factory.newJwk(jwk);
            if (!(parsed instanceof PublicJsonWebKey publicJwk)) {
                throw new KeyMaterialException("JWK of type " + parsed.getKeyType() + " is not a public key");
            }
            String effectiveKid = kid != null ? kid : publicJwk.getKeyId();
            return new VerifierKey(effectiveKid, publicJwk.getPublicKey(), publicJwk.getLeafCertificate(), (String) alg, minRsaBits);
        } catch (ClassCastException e) {
            // Its message names Java classes; whoever sent the JWK needs to hear what is wrong in JWK terms.
            throw new KeyMaterialException("not a valid JWK: a member has the wrong JSON type", e);
        } catch (JoseException | RuntimeException e) {
            // jose4j and the JDK refuse a malformed JWK with whatever they throw: an IllegalArgumentException for an x5c
            // certificate whose key is not the JWK's, a RuntimeException for EC coordinates off the curve's size. Each is
            // this JWK's fault, so a KeyMaterialException, which a JWK Set skips (KeyTextFuzzTest's crash-* inputs).
            if (e instanceof KeyMaterialException known) {
                throw known;
            }
            throw new KeyMaterialException("not a valid JWK: " + e.getMessage(), e);
        }
    }

    /** A key that came in a certificate is usable only within the certificate's validity dates. */
    public boolean usableAt(Instant now) {
        return certificate == null
                || (!now.isBefore(certificate.getNotBefore().toInstant())
                    && !now.isAfter(certificate.getNotAfter().toInstant()));
    }

    public String x5tS256() {
        return certificate == null ? null : Thumbprints.x5tS256(certificate);
    }

    /** The RFC 7638 thumbprint of the public key. */
    public String jwkThumbprint() {
        return Thumbprints.jwk(publicKey);
    }

    public String x5t() {
        return certificate == null ? null : Thumbprints.x5t(certificate);
    }

    /** The public JWK form of this key, as published in a JWKS. */
    public Map<String, Object> toPublicJwk() {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(publicKey);
            if (kid != null) {
                jwk.setKeyId(kid);
            }
            if (certificate != null) {
                jwk.setX509CertificateSha256Thumbprint(x5tS256());
            }
            if (algorithm != null) {
                jwk.setAlgorithm(algorithm);
            }
            return jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (JoseException e) {
            throw new KeyMaterialException("cannot express the key as a JWK", e);
        }
    }
}
