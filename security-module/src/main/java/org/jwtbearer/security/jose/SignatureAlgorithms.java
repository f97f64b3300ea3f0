package org.jwtbearer.security.jose;

import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.util.List;
import java.util.Set;

import javax.crypto.SecretKey;

/**
 * The JWS algorithms this product accepts, and which key each one may be verified with.
 *
 * <p>RFC 8725 §3.1: "Each key MUST be used with exactly one algorithm" — so an algorithm is only ever paired
 * with a key of its own family (and, for ECDSA, its own curve). That pin is what defeats RS256→HS256
 * confusion: an RSA public key is never handed to an HMAC verifier.
 */
public final class SignatureAlgorithms {

    /** The default allow-list: every asymmetric algorithm of RFC 7518 plus EdDSA (RFC 8037); never "none". */
    public static final List<String> ASYMMETRIC = List.of(
            "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");

    /** HMAC algorithms: only for a client that enables them and has a shared secret. */
    public static final List<String> HMAC = List.of("HS256", "HS384", "HS512");

    private static final Set<String> KNOWN = Set.copyOf(concat(ASYMMETRIC, HMAC));

    private SignatureAlgorithms() {
    }

    public static boolean isKnown(String alg) {
        return alg != null && KNOWN.contains(alg);
    }

    public static boolean isAsymmetric(String alg) {
        return alg != null && ASYMMETRIC.contains(alg);
    }

    public static boolean isHmac(String alg) {
        return alg != null && HMAC.contains(alg);
    }

    /**
     * True when {@code key} belongs to the family (and curve) that {@code alg} is defined for. An HMAC algorithm
     * fits only a secret key at least as long as its hash output — never a public key, in whatever encoding.
     */
    public static boolean fitsKey(String alg, Key key) {
        if (alg == null || key == null) {
            return false;
        }
        if (isHmac(alg)) {
            return key instanceof SecretKey secret && !(key instanceof PublicKey)
                    && secret.getEncoded() != null && secret.getEncoded().length >= HmacKeys.minimumBytes(alg);
        }
        if (alg.startsWith("RS") || alg.startsWith("PS")) {
            return key instanceof RSAPublicKey;
        }
        if (alg.startsWith("ES")) {
            return key instanceof ECPublicKey ec && curveBits(ec) == esCurveBits(alg);
        }
        if (alg.equals("EdDSA")) {
            return key instanceof EdECPublicKey;
        }
        return false;
    }

    private static int esCurveBits(String alg) {
        return switch (alg) {
            case "ES256" -> 256;
            case "ES384" -> 384;
            case "ES512" -> 521;
            default -> -1;
        };
    }

    static int curveBits(ECPublicKey key) {
        return key.getParams().getCurve().getField().getFieldSize();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
