package org.jwtbearer.issuer.client;

import java.security.Key;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jwtbearer.issuer.support.SecretBox;
import org.jwtbearer.security.jose.CompactJws;
import org.jwtbearer.security.jose.HmacKeys;
import org.jwtbearer.security.jose.KeyMaterialException;
import org.jwtbearer.security.jose.KeySelector;
import org.jwtbearer.security.jose.SignatureAlgorithms;
import org.jwtbearer.security.jose.VerifierKey;

/**
 * The key a JWS signed by a client must verify under, used alike for grant assertions and client assertions:
 * for an HS* algorithm the client's own secret (only when the client is allowed that algorithm), otherwise one
 * of its public keys — registered, or fetched from its {@code jwks_uri} — chosen by the header's key hints. The algorithm family decides which kind of
 * key is even considered, and {@link CompactJws#verify} pins it once more.
 */
@ApplicationScoped
public class ClientKeys {

    private static final Logger LOG = Logger.getLogger(ClientKeys.class.getName());

    @Inject
    SecretBox secretBox;

    @Inject
    ClientJwks jwks;

    /** For the container. */
    protected ClientKeys() {
    }

    /** Wired by hand, as in tests. */
    public ClientKeys(SecretBox secretBox, ClientJwks jwks) {
        this.secretBox = secretBox;
        this.jwks = jwks;
    }

    /** A key to verify with, and the {@code kid} it is known by (for the audit log; null for a client secret). */
    public record ResolvedKey(String kid, Key key) {
    }

    /** Empty when no key of the client fits the JWS's algorithm and key hints. */
    public Optional<ResolvedKey> find(RegisteredClient client, CompactJws jws, Instant now) {
        String alg = jws.algorithm();
        if (SignatureAlgorithms.isHmac(alg)) {
            return client.algorithms().contains(alg) ? sharedSecret(client, alg) : Optional.empty();
        }
        Optional<VerifierKey> key = client.jwksUri().isPresent()
                ? jwks.forClient(client.clientId(), client.jwksUri().get()).find(jws.keyHints(), alg)
                : KeySelector.select(client.keys(), jws.keyHints(), alg, now);
        return key.map(k -> new ResolvedKey(k.kid(), k.publicKey()));
    }

    /** A client has one secret, so any {@code kid} an HMAC-signed JWS names is not needed to find it. */
    private Optional<ResolvedKey> sharedSecret(RegisteredClient client, String alg) {
        if (client.sealedSecret().isEmpty()) {
            return Optional.empty();
        }
        byte[] secret;
        try {
            secret = secretBox.open(client.sealedSecret().get(), client.clientId());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.SEVERE, "The stored HMAC secret of client {0} cannot be decrypted: {1} Register its "
                    + "client_secret again, or start with the jwtbearer.encryption-key it was stored under.",
                    new Object[] {client.clientId(), e.getMessage()});
            return Optional.empty();
        }
        try {
            return Optional.of(new ResolvedKey(null, HmacKeys.forAlgorithm(alg, secret)));
        } catch (KeyMaterialException e) {
            return Optional.empty();
        }
    }
}
