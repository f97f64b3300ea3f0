package org.jwtbearer.issuer.grant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jwtbearer.issuer.client.ClientKeys;
import org.jwtbearer.issuer.client.RegisteredClient;
import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.security.jose.JwsRejectedException;
import org.jwtbearer.security.jose.SignatureAlgorithms;

/**
 * Verifies a {@code private_key_jwt} client assertion (RFC 7523 §2.2 and §3, RFC 7521 §4.2, OpenID Connect
 * Core §9) for the client it names: header rules, an asymmetric algorithm of the client's allow-list, one of
 * the client's keys, the signature, then the claims — {@code iss} and {@code sub} both the client id,
 * {@code aud} the token endpoint or the issuer, a bounded {@code exp}, and a {@code jti}.
 *
 * <p>Every refusal is the same generic {@code invalid_client}: the caller has not proven who it is, so it
 * learns nothing; the audit log gets every reason. The jti is not recorded here: {@link ClientAuthenticator}
 * records it once the whole request has succeeded.
 */
@ApplicationScoped
public class ClientAssertionVerifier {

    private static final List<AssertionClaimChecks.Check> TIME_CHECKS = List.of(AssertionClaimChecks::expiry,
            AssertionClaimChecks::lifetime, AssertionClaimChecks::issuedAt, AssertionClaimChecks::notBefore);

    @Inject
    IssuerSettings settings;

    @Inject
    ClientKeys keys;

    /** What a verified client assertion will use up: its jti, until it can no longer be accepted. */
    public record VerifiedClientAssertion(String jti, Instant keepUntil) {
    }

    public VerifiedClientAssertion verify(RegisteredClient client, ClientAssertion assertion, Instant now) {
        String type = assertion.jws().type();
        if (type != null && !type.equalsIgnoreCase("JWT") && !type.equalsIgnoreCase("application/jwt")) {
            throw ClientAuthenticator.failed("client_assertion_typ_not_jwt");
        }
        String alg = assertion.jws().algorithm();
        // private_key_jwt is an asymmetric method: an HMAC client assertion would be client_secret_jwt, not offered.
        if (!SignatureAlgorithms.isAsymmetric(alg) || !client.algorithms().contains(alg)) {
            throw ClientAuthenticator.failed("client_assertion_alg_not_allowed");
        }
        ClientKeys.ResolvedKey key = keys.find(client, assertion.jws(), now)
                .orElseThrow(() -> ClientAuthenticator.failed("client_assertion_no_matching_key"));
        try {
            assertion.jws().verify(key.key(), Set.of(alg));
        } catch (JwsRejectedException e) {
            throw ClientAuthenticator.failed("client_assertion_" + e.reason());
        }
        JwtClaims claims = assertion.claims();
        List<String> failures;
        try {
            failures = claimFailures(client, claims, now.getEpochSecond());
        } catch (MalformedClaimException e) {
            failures = List.of("claim_malformed");
        }
        if (!failures.isEmpty()) {
            throw ClientAuthenticator.failed(String.join(",", failures.stream().map(f -> "client_assertion_" + f).toList()));
        }
        try {
            long exp = claims.getExpirationTime().getValue();
            return new VerifiedClientAssertion(claims.getJwtId(), Instant.ofEpochSecond(exp).plus(client.clockSkew()));
        } catch (MalformedClaimException e) {
            throw new IllegalStateException("exp and jti were checked before", e);
        }
    }

    /** Every rule runs; the reasons of those that fail (without the {@code client_assertion_} prefix). */
    List<String> claimFailures(RegisteredClient client, JwtClaims claims, long now) throws MalformedClaimException {
        List<String> failures = new ArrayList<>();
        if (!client.clientId().equals(claims.getIssuer())) {
            failures.add("iss_not_client");
        }
        if (!client.clientId().equals(claims.getSubject())) {
            failures.add("sub_not_client");
        }
        Set<String> audiences = acceptedAudiences();
        if (!claims.hasAudience() || claims.getAudience().stream().noneMatch(audiences::contains)) {
            failures.add("aud_not_accepted");
        }
        // The times are read as for grant assertions: the same skew, the same two bounds on the lifetime.
        for (AssertionClaimChecks.Check check : TIME_CHECKS) {
            check.apply(client, claims, now).ifPresent(failure -> failures.add(failure.reason()));
        }
        String jti = claims.getJwtId();
        if (jti == null || jti.isEmpty()) {
            failures.add("jti_missing");
        } else if (jti.length() > AssertionClaimChecks.MAX_JTI_LENGTH) {
            failures.add("jti_too_long");
        }
        return failures;
    }

    /**
     * The token endpoint URLs (OpenID Connect Core §9) or the issuer identifier (RFC 7523 §3 and its update,
     * which recommends the issuer to rule out audience injection). Exact comparison, as for grant assertions.
     */
    private Set<String> acceptedAudiences() {
        return Set.of(settings.tokenEndpoint(), settings.serviceNowTokenEndpoint(), settings.issuer());
    }
}
