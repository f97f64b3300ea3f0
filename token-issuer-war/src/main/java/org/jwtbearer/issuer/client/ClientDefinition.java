package org.jwtbearer.issuer.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.jwtbearer.security.jose.HmacKeys;
import org.jwtbearer.security.jose.SignatureAlgorithms;

/**
 * A client as an operator registers it (bootstrap file or admin API), validated on construction so that
 * nothing unusable reaches the database: unknown algorithms, weak or private keys, a public client with a
 * secret, an HMAC algorithm without a long enough secret are all refused with a message naming the field.
 *
 * @param acceptedAudiences empty means the defaults: the client id, the token endpoint URLs and the issuer
 * @param jwksUri           where the server fetches the client's public keys, instead of {@code verifierKeys}
 */
public record ClientDefinition(String clientId, String name, Optional<String> secret, boolean publicClient,
                               UserField userField, List<String> acceptedIssuers, List<String> acceptedAudiences,
                               long maxAssertionLifetime, long clockSkew, boolean requireJti, long accessTokenLifespan,
                               List<String> scopes, List<String> algorithms, List<KeyDefinition> verifierKeys,
                               List<ClaimValidation> claimValidations, boolean active, Optional<String> jwksUri) {

    public static final long DEFAULT_MAX_ASSERTION_LIFETIME = 300;
    public static final long DEFAULT_CLOCK_SKEW = 60;
    public static final long DEFAULT_ACCESS_TOKEN_LIFESPAN = 1800;
    public static final List<String> DEFAULT_SCOPES = List.of("useraccount");
    /**
     * Ten years: the most any of a client's durations may be. Far above any sensible setting, far below what the time
     * arithmetic of every request ({@code exp + clock_skew}, {@code now + access_token_lifespan}) can hold without
     * overflowing — which a value near {@code Long.MAX_VALUE} would, refusing or accepting the wrong assertions.
     */
    public static final long MAX_SECONDS = 10L * 365 * 24 * 3600;
    /** An HMAC client's secret is also stored encrypted; this bounds what that column must hold. */
    public static final int MAX_HMAC_SECRET_BYTES = 1024;

    /** A verifier key as registered; parsing it checks its strength. */
    public record KeyDefinition(String kid, VerifierKeyEntity.Format format, String material) {

        public KeyDefinition {
            check(kid == null || kid.length() <= 255, "verifier_keys: a kid is longer than 255 characters");
            check(material.length() <= 16384, "verifier_keys: a key is longer than 16384 characters");
            VerifierKeyEntity.parse(kid, format, material);
        }
    }

    public ClientDefinition {
        check(clientId != null && !clientId.isBlank(), "client_id is required");
        check(clientId.length() <= 255, "client_id is longer than 255 characters");
        // The columns' sizes (ClientEntity, ClaimValidation, VerifierKeyEntity): a longer value was a database error, a 500
        // (MutationIT: a name of 70,000 characters). Each is far above what an honest registration holds.
        check(name == null || name.length() <= 255, "name is longer than 255 characters");
        checkEach(acceptedIssuers, 1024, "accepted_issuers");
        checkEach(acceptedAudiences, 1024, "accepted_audiences");
        checkEach(scopes, 255, "scopes");
        for (ClaimValidation validation : claimValidations) {
            check(validation.claim().length() <= 255, "claim_validations: a claim name is longer than 255 characters");
            check(validation.value().length() <= 1024, "claim_validations: a value is longer than 1024 characters");
        }
        check(!(publicClient && secret.isPresent()), "a public client cannot have a client_secret");
        check(maxAssertionLifetime > 0 && maxAssertionLifetime <= MAX_SECONDS,
                "max_assertion_lifetime must be a positive number of seconds, at most " + MAX_SECONDS);
        check(clockSkew >= 0 && clockSkew <= MAX_SECONDS, "clock_skew must be from 0 to " + MAX_SECONDS + " seconds");
        check(accessTokenLifespan > 0 && accessTokenLifespan <= MAX_SECONDS,
                "access_token_lifespan must be a positive number of seconds, at most " + MAX_SECONDS);
        check(!algorithms.isEmpty(), "algorithms must not be empty");
        for (String alg : algorithms) {
            check(SignatureAlgorithms.isAsymmetric(alg) || SignatureAlgorithms.isHmac(alg), "algorithm " + alg
                    + " is not supported; use one of " + String.join(", ", SignatureAlgorithms.ASYMMETRIC) + ", "
                    + String.join(", ", SignatureAlgorithms.HMAC));
            if (SignatureAlgorithms.isHmac(alg)) {
                checkHmacSecret(alg, publicClient, secret);
            }
        }
        if (jwksUri.isPresent()) {
            check(verifierKeys.isEmpty(), "give either jwks_uri or verifier_keys, not both");
            JwksUris.check(jwksUri.get());
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

    /** Whether assertions may be signed with the client secret (an HS* algorithm is allowed). */
    public boolean usesHmac() {
        return algorithms.stream().anyMatch(SignatureAlgorithms::isHmac);
    }

    /** RFC 7518 §3.2: the HMAC key — here the client secret — at least as long as the hash output. */
    private static void checkHmacSecret(String alg, boolean publicClient, Optional<String> secret) {
        check(!publicClient, "algorithm " + alg + " needs a confidential client with a client_secret; a public client has none");
        check(secret.isPresent(), "algorithm " + alg + " needs a client_secret: it is the HMAC key");
        int bytes = secret.get().getBytes(StandardCharsets.UTF_8).length;
        check(bytes >= HmacKeys.minimumBytes(alg), "algorithm " + alg + " needs a client_secret of at least "
                + HmacKeys.minimumBytes(alg) + " bytes (RFC 7518 §3.2); this one has " + bytes);
        check(bytes <= MAX_HMAC_SECRET_BYTES, "a client_secret used as HMAC key may have at most " + MAX_HMAC_SECRET_BYTES + " bytes");
    }

    private static void checkEach(List<String> values, int maxLength, String field) {
        for (String value : values) {
            check(value.length() <= maxLength, field + ": a value is longer than " + maxLength + " characters");
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
