package org.jwtbearer.issuer.client;

import java.security.Key;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jwtbearer.security.jose.CompactJws;
import org.jwtbearer.security.jose.KeySelector;

/**
 * The key a JWS signed by a client must verify under: one of its registered keys, chosen by the header's key
 * hints. Used alike for grant assertions and client assertions, so both follow the same key rules.
 */
@ApplicationScoped
public class ClientKeys {

    /** A key to verify with, and the {@code kid} it is known by (for the audit log). */
    public record ResolvedKey(String kid, Key key) {
    }

    /** Empty when no key of the client fits the JWS's algorithm and key hints. */
    public Optional<ResolvedKey> find(RegisteredClient client, CompactJws jws, Instant now) {
        return KeySelector.select(client.keys(), jws.keyHints(), jws.algorithm(), now)
                .map(k -> new ResolvedKey(k.kid(), k.publicKey()));
    }
}
