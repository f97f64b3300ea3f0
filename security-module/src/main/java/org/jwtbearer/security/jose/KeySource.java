package org.jwtbearer.security.jose;

import java.util.Optional;

/** Where a verifier finds the key a JWS names. */
@FunctionalInterface
public interface KeySource {

    /** The key for these hints and this algorithm, or empty when there is none (an unknown kid, say). */
    Optional<VerifierKey> find(KeySelector.KeyHints hints, String alg);
}
