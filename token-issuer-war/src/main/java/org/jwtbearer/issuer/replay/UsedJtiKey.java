package org.jwtbearer.issuer.replay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The key of a used jti: the first 64 bits of SHA-256 over the jti's hash and the client. One number instead of
 * two strings makes the row, and the index the database keeps for it, small: writing it is what a token request
 * costs the database (on H2's file store the record is written out on every commit, page by page).
 *
 * <p>Two different (client, jti) pairs meet under one key with a probability of about n / 2^64 per insert, n
 * being the rows kept (a few million at most): a legitimate assertion refused as a replay once in billions of
 * years of traffic, and then retried with a new jti. A replay is never let through by it: the same pair always
 * gives the same key. Aiming a jti at another client's key means finding a 64-bit second preimage.
 */
public final class UsedJtiKey {

    private UsedJtiKey() {
    }

    /**
     * @param clientId the client the assertion came from
     * @param jtiHash  the hex SHA-256 of its jti (fixed length, so the concatenation below is unambiguous)
     */
    public static long of(String clientId, String jtiHash) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(jtiHash.getBytes(StandardCharsets.US_ASCII));
            byte[] digest = sha256.digest(clientId.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
