package org.jwtbearer.security.jose;

import java.util.Optional;
import java.util.Set;

/**
 * Answers only for the signature algorithms configured ({@code mp.jwt.verify.publickey.algorithm}): MP-JWT 2.1
 * says implementations "should only allow an {@code mp.jwt.verify.publickey.algorithm} algorithm instead of both
 * RS256 and ES256". A token signed with another algorithm finds no key, so it is refused before any signature
 * work, whatever keys the source holds.
 */
public final class AlgorithmRestrictedKeys implements KeySource {

    private final KeySource keys;
    private final Set<String> algorithms;

    public AlgorithmRestrictedKeys(KeySource keys, Set<String> algorithms) {
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("at least one signature algorithm must be allowed");
        }
        this.keys = keys;
        this.algorithms = Set.copyOf(algorithms);
    }

    @Override
    public Optional<VerifierKey> find(KeySelector.KeyHints hints, String alg) {
        return alg != null && algorithms.contains(alg) ? keys.find(hints, alg) : Optional.empty();
    }
}
