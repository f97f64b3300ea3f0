package org.jwtbearer.security.jose;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chooses the one registered key a JWS says it was signed with: by {@code kid}, else by {@code x5t#S256},
 * else by {@code x5t}. A header naming none of them is accepted only when exactly one key fits the algorithm
 * (the shape Salesforce-style assertions have). Keys outside their certificate's validity and keys of
 * another family than the algorithm are never chosen.
 */
public final class KeySelector {

    private KeySelector() {
    }

    /** The JOSE header members that name a key. */
    public record KeyHints(String kid, String x5tS256, String x5t) {

        public boolean isEmpty() {
            return kid == null && x5tS256 == null && x5t == null;
        }
    }

    public static Optional<VerifierKey> select(List<VerifierKey> keys, KeyHints hints, String alg, Instant now) {
        List<VerifierKey> candidates = keys.stream()
                .filter(k -> k.allows(alg))
                .filter(k -> k.usableAt(now))
                .toList();
        if (hints.kid() != null) {
            return unique(candidates, VerifierKey::kid, hints.kid());
        }
        if (hints.x5tS256() != null) {
            return unique(candidates, VerifierKey::x5tS256, hints.x5tS256());
        }
        if (hints.x5t() != null) {
            return unique(candidates, VerifierKey::x5t, hints.x5t());
        }
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /**
     * {@link #select}, and besides: a key set of exactly one key that has no {@code kid} (a PEM key, a JWK
     * without one) answers whatever key a token names. Such a key makes no claim a token's {@code kid} could
     * contradict, and MicroProfile JWT issuers put a {@code kid} in their tokens that the PEM key configured
     * at the service never carries. The key must still fit the algorithm, and the signature still verify.
     */
    public static Optional<VerifierKey> selectOrSoleUnnamed(List<VerifierKey> keys, KeyHints hints, String alg, Instant now) {
        Optional<VerifierKey> selected = select(keys, hints, alg, now);
        if (selected.isPresent() || keys.size() != 1) {
            return selected;
        }
        VerifierKey sole = keys.get(0);
        return sole.kid() == null && sole.allows(alg) && sole.usableAt(now) ? Optional.of(sole) : Optional.empty();
    }

    private static Optional<VerifierKey> unique(List<VerifierKey> keys, Function<VerifierKey, String> id, String wanted) {
        List<VerifierKey> matches = keys.stream().filter(k -> wanted.equals(id.apply(k))).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
