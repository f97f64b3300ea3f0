package org.jwtbearer.security.revocation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a token is matched against a revocation list, the same at the issuer and at every resource server: a revoked
 * token by the SHA-256 of its {@code jti} (the list never carries the ids themselves), a token of a deactivated
 * client or user by its {@code iat} against that client's or user's not-before instant.
 */
public final class RevocationRules {

    private RevocationRules() {
    }

    /** The SHA-256 of the jti's UTF-8 bytes, lowercase hex: how the issuer stores and publishes revoked tokens. */
    public static String jtiHash(String jti) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(jti.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * Whether a token with this {@code iat} claim falls under a not-before instant (epoch seconds). A token without
     * a numeric {@code iat} cannot show it was issued afterwards, so it is refused too.
     */
    public static boolean issuedBefore(Object iatClaim, long notBefore) {
        return !(iatClaim instanceof Number iat) || iat.longValue() < notBefore;
    }
}
