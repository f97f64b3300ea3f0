package org.jwtbearer.security.jose;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Keys configured once and for all: inline ({@code mp.jwt.verify.publickey}) or read at deployment from a file
 * or class-path location. MP-JWT leaves reloading to vendors; these are not reloaded, so a changed key takes a
 * redeployment (a key that rotates belongs at an {@code https:} JWKS location, which {@link RemoteJwks} refreshes).
 */
public final class StaticKeys implements KeySource {

    private final List<VerifierKey> keys;
    private final Clock clock;

    public StaticKeys(List<VerifierKey> keys, Clock clock) {
        if (keys.isEmpty()) {
            throw new KeyMaterialException("no verification key");
        }
        this.keys = List.copyOf(keys);
        this.clock = clock;
    }

    @Override
    public Optional<VerifierKey> find(KeySelector.KeyHints hints, String alg) {
        return KeySelector.selectOrSoleUnnamed(keys, hints, alg, clock.instant());
    }

    public List<VerifierKey> keys() {
        return keys;
    }
}
