package org.jwtbearer.issuer.client;

import java.util.List;
import java.util.Optional;

import org.jwtbearer.security.jose.SignatureAlgorithms;

/**
 * A client as an operator registers it (bootstrap file or admin API), validated on construction so that
 * nothing unusable reaches the database: unknown algorithms, HMAC, weak or private keys, a public client
 * with a secret are all refused with a message naming the field.
 *
 * @param acceptedAudiences empty means the defaults: the client id, the token endpoint URLs and the issuer
 */
public record ClientDefinition(String clientId, String name, Optional<String> secret, boolean publicClient,
                               UserField userField, List<String> acceptedIssuers, List<String> acceptedAudiences,
                               long maxAssertionLifetime, long clockSkew, boolean requireJti, long accessTokenLifespan,
                               List<String> scopes, List<String> algorithms, List<KeyDefinition> verifierKeys,
                               List<ClaimValidation> claimValidations, boolean active) {

    public static final long DEFAULT_MAX_ASSERTION_LIFETIME = 300;
    public static final long DEFAULT_CLOCK_SKEW = 60;
    public static final long DEFAULT_ACCESS_TOKEN_LIFESPAN = 1800;
    public static final List<String> DEFAULT_SCOPES = List.of("useraccount");

    /** A verifier key as registered; parsing it checks its strength. */
    public record KeyDefinition(String kid, VerifierKeyEntity.Format format, String material) {

        public KeyDefinition {
            VerifierKeyEntity.parse(kid, format, material);
        }
    }

    public ClientDefinition {
        check(clientId != null && !clientId.isBlank(), "client_id is required");
        check(clientId.length() <= 255, "client_id is longer than 255 characters");
        check(!(publicClient && secret.isPresent()), "a public client cannot have a client_secret");
        check(maxAssertionLifetime > 0, "max_assertion_lifetime must be a positive number of seconds");
        check(clockSkew >= 0, "clock_skew must not be negative");
        check(accessTokenLifespan > 0, "access_token_lifespan must be a positive number of seconds");
        check(!algorithms.isEmpty(), "algorithms must not be empty");
        for (String alg : algorithms) {
            check(SignatureAlgorithms.isAsymmetric(alg), "algorithm " + alg + " is not supported; use one of "
                    + String.join(", ", SignatureAlgorithms.ASYMMETRIC));
        }
        java.util.Set<String> kids = new java.util.HashSet<>();
        for (KeyDefinition key : verifierKeys) {
            check(key.kid() == null || kids.add(key.kid()), "verifier_keys: the kid " + key.kid() + " is given to two keys");
        }
        acceptedIssuers = acceptedIssuers.isEmpty() ? List.of(clientId) : List.copyOf(acceptedIssuers);
        acceptedAudiences = List.copyOf(acceptedAudiences);
        scopes = List.copyOf(scopes);
        algorithms = List.copyOf(algorithms);
        verifierKeys = List.copyOf(verifierKeys);
        claimValidations = List.copyOf(claimValidations);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
