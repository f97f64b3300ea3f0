package org.jwtbearer.security.jose;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * Refuses keys that would verify signatures an attacker can forge. The JDK itself verifies signatures made
 * with 512-bit RSA keys or exponent 3 without complaint, so this check is ours to make.
 */
public final class KeyStrength {

    public static final int MIN_RSA_BITS = 2048;
    private static final BigInteger MIN_RSA_EXPONENT = BigInteger.valueOf(65537);

    private KeyStrength() {
    }

    /** @throws KeyMaterialException naming what is wrong with the key */
    public static void requireStrong(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_BITS) {
                throw new KeyMaterialException("RSA key of " + bits + " bits; at least " + MIN_RSA_BITS + " are required");
            }
            BigInteger e = rsa.getPublicExponent();
            if (!e.testBit(0) || e.compareTo(MIN_RSA_EXPONENT) < 0) {
                throw new KeyMaterialException("RSA public exponent " + e + " is not allowed; it must be odd and at least 65537");
            }
        } else if (key instanceof ECPublicKey ec) {
            int bits = SignatureAlgorithms.curveBits(ec);
            if (bits != 256 && bits != 384 && bits != 521) {
                throw new KeyMaterialException("EC key on a " + bits + "-bit curve; only P-256, P-384 and P-521 are allowed");
            }
        } else if (!(key instanceof EdECPublicKey)) {
            throw new KeyMaterialException("unsupported key type " + (key == null ? "null" : key.getAlgorithm())
                    + "; RSA, EC or EdDSA public keys are accepted");
        }
    }
}
