package org.jwtbearer.issuer.keys;

import java.time.Instant;

import org.jwtbearer.security.jose.VerifierKey;

/**
 * A public key the issuer publishes, with its state; what the admin listing shows. Never private material.
 *
 * @param created     when it was first published; null for a keystore key
 * @param activated   when it started signing; null while next, and for a keystore key
 * @param retireUntil when a retired key stops being published; null unless retired
 */
public record PublishedKey(VerifierKey key, KeyState state, String algorithm, Instant created, Instant activated,
                           Instant retireUntil) {

    public String kid() {
        return key.kid();
    }
}
