package org.jwtbearer.issuer.replay;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jwtbearer.issuer.support.Sha256;

/**
 * Remembers the jtis each client has used, until the assertion they came in can no longer be accepted.
 * Called last in the grant, after every other check passed, so a rejected or forged assertion never burns
 * a jti. Expired records are removed by {@link ReplayPurge}.
 */
@ApplicationScoped
public class ReplayStore {

    @Inject
    UsedAssertionTable table;

    /**
     * Records the jti as used by the client.
     *
     * @param keepUntil when the record may be forgotten: the assertion's exp plus the clock skew
     * @return true when this is the first use; false when the jti was used before (a replay)
     * @throws IllegalStateException when the store cannot be reached and the answer is unknown
     */
    public boolean firstUse(String clientId, String jti, Instant keepUntil) {
        return table.insertIfAbsent(clientId, hash(jti), keepUntil.getEpochSecond());
    }

    static String hash(String jti) {
        return Sha256.hex(jti, 32);
    }
}
