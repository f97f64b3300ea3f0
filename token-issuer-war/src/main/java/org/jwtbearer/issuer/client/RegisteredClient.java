package org.jwtbearer.issuer.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jwtbearer.security.jose.VerifierKey;

/**
 * A client as the grant sees it: immutable, complete (defaults applied), and impossible to build in an
 * unsafe shape — an empty audience list or algorithm allow-list is refused rather than read as "anything".
 *
 * @param secretHash   the stored secret hash; empty for a client that has no secret
 * @param publicClient a client that authenticates with nothing but its assertion's signature
 * @param sealedSecret the client secret encrypted with {@code SecretBox} (associated data: the client id), kept
 *                     only for a client allowed HS* algorithms, whose HMAC key it is; empty otherwise
 * @param jwksUri      where the client publishes its public keys, instead of registering them ({@code keys} then empty)
 */
public record RegisteredClient(String clientId, String name, Optional<String> secretHash, boolean publicClient,
                               UserField userField, Set<String> acceptedIssuers, Set<String> acceptedAudiences,
                               Duration maxAssertionLifetime, Duration clockSkew, boolean requireJti,
                               Duration accessTokenLifespan, Set<String> scopes, Set<String> algorithms,
                               List<VerifierKey> keys, List<ClaimValidation> claimValidations, boolean active,
                               Optional<String> sealedSecret, Optional<URI> jwksUri) {

    public RegisteredClient {
        require(clientId != null && !clientId.isBlank(), "client_id is required");
        require(!acceptedIssuers.isEmpty(), "accepted_issuers must not be empty");
        require(!acceptedAudiences.isEmpty(), "accepted_audiences must not be empty");
        require(!algorithms.isEmpty(), "algorithms must not be empty");
        require(!maxAssertionLifetime.isNegative() && !maxAssertionLifetime.isZero(), "max_assertion_lifetime must be positive");
        require(!clockSkew.isNegative(), "clock_skew must not be negative");
        require(!accessTokenLifespan.isNegative() && !accessTokenLifespan.isZero(), "access_token_lifespan must be positive");
        acceptedIssuers = Set.copyOf(acceptedIssuers);
        acceptedAudiences = Set.copyOf(acceptedAudiences);
        scopes = Set.copyOf(scopes);
        algorithms = Set.copyOf(algorithms);
        keys = List.copyOf(keys);
        claimValidations = List.copyOf(claimValidations);
        require(jwksUri.isEmpty() || keys.isEmpty(), "jwks_uri and verifier_keys are exclusive");
    }

    /** A confidential client must prove itself with its secret; a public one has none to prove. */
    public boolean requiresSecret() {
        return !publicClient && secretHash.isPresent();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
