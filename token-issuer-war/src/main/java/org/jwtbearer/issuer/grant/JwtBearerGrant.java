package org.jwtbearer.issuer.grant;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jwtbearer.issuer.audit.AuditTrail;
import org.jwtbearer.issuer.client.ClientKeys;
import org.jwtbearer.issuer.client.ClientRegistry;
import org.jwtbearer.issuer.client.RegisteredClient;
import org.jwtbearer.issuer.replay.ReplayStore;
import org.jwtbearer.issuer.token.AccessTokenIssuer;
import org.jwtbearer.issuer.user.User;
import org.jwtbearer.issuer.user.UserDirectory;
import org.jwtbearer.security.jose.CompactJws;
import org.jwtbearer.security.jose.JwsRejectedException;

/**
 * The JWT bearer grant (RFC 7523 §2.1), as a fixed sequence: parse → header rules → client → client
 * authentication → key → signature → claims → user → scope → replay (client assertion, then assertion) → token.
 *
 * <p>Until the signature has verified, every refusal that depends on the registry is the same generic
 * {@code invalid_grant}, so nobody learns which clients, keys or users exist; the precise reason goes to the
 * audit log. After it, descriptions say exactly which rule failed. The jti is recorded last, so a refused
 * assertion never uses it up.
 */
@ApplicationScoped
public class JwtBearerGrant {

    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    public static final int MAX_ASSERTION_LENGTH = 16 * 1024;
    static final String NOT_VERIFIED = "The assertion could not be verified";
    static final String CLIENT_REGISTRY_UNAVAILABLE = "client_registry_unavailable";
    static final String REPLAY_STORE_UNAVAILABLE = "replay_store_unavailable";

    @Inject
    ClientRegistry clients;

    @Inject
    UserDirectory users;

    @Inject
    ReplayStore replayStore;

    @Inject
    AccessTokenIssuer tokens;

    @Inject
    ClientAuthenticator authenticator;

    @Inject
    ClientKeys keys;

    public TokenResult handle(TokenRequest request, AuditTrail audit) {
        Instant now = request.receivedAt();
        CompactJws jws = parse(request.assertion());
        JwtClaims unverified = claimsOf(jws);

        RegisteredClient client = identifyClient(request.credentials(), unverified);
        audit.client(client.clientId());
        ClientAuthenticator.Authenticated authenticated = authenticator.verify(client, request.credentials(), now);
        requireIssuerOfNamedClient(client, request.credentials(), unverified);

        if (!client.algorithms().contains(jws.algorithm())) {
            throw generic("alg_not_allowed_for_client");
        }
        ClientKeys.ResolvedKey key = keys.find(client, jws, now).orElseThrow(() -> generic("no_matching_key"));
        audit.kid(key.kid());
        try {
            jws.verify(key.key(), client.algorithms());
        } catch (JwsRejectedException e) {
            throw generic(e.reason());
        }

        // Verified: from here on the claims are the client's word, and errors may be precise.
        JwtClaims claims = unverified;
        audit.subject(stringClaim(claims, "sub"));
        audit.jti(stringClaim(claims, "jti"));
        List<ClaimFailure> failures = AssertionClaimChecks.run(client, claims, now);
        if (!failures.isEmpty()) {
            throw new OAuthException(OAuthError.INVALID_GRANT,
                    failures.stream().map(ClaimFailure::description).collect(Collectors.joining("; ")),
                    failures.stream().map(ClaimFailure::reason).collect(Collectors.joining(",")));
        }
        User user = resolveUser(client, stringClaim(claims, "sub"));
        String scope = grantedScope(client, request.scope(), claims);
        // Both jtis last, the client assertion's first: a replayed client assertion uses up no grant jti.
        authenticator.recordUse(authenticated, now);
        recordJti(client, claims);

        AccessTokenIssuer.IssuedToken token = tokens.issue(client, user, scope, now);
        return new TokenResult(token.value(), secondsLeft(token.expiresAt(), now), scope);
    }

    private static CompactJws parse(String assertion) {
        if (assertion == null || assertion.isEmpty()) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The assertion parameter is required", "assertion_missing");
        }
        try {
            CompactJws jws = CompactJws.parse(assertion, MAX_ASSERTION_LENGTH);
            String type = jws.type();
            if (type != null && !type.equalsIgnoreCase("JWT") && !type.equalsIgnoreCase("application/jwt")) {
                throw new OAuthException(OAuthError.INVALID_GRANT, "The assertion's typ header must be JWT", "typ_not_jwt");
            }
            return jws;
        } catch (JwsRejectedException e) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The assertion is not acceptable: " + e.getMessage(), e.reason());
        }
    }

    private static JwtClaims claimsOf(CompactJws jws) {
        try {
            return JwtClaims.parse(jws.payload());
        } catch (InvalidJwtException | JwsRejectedException e) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The assertion's payload is not a JSON object", "payload_malformed");
        }
    }

    /**
     * By client id when the request names one (unknown: {@code invalid_client}); else by the unverified
     * {@code iss}, which only chooses whose keys to try (unknown: the generic refusal).
     */
    private RegisteredClient identifyClient(ClientCredentials credentials, JwtClaims unverified) {
        if (credentials.clientId().isPresent()) {
            return authenticator.find(credentials);
        }
        String iss = stringClaim(unverified, "iss");
        if (iss == null || iss.isEmpty()) {
            throw new OAuthException(OAuthError.INVALID_GRANT,
                    "The request names no client: send client_id, or an assertion with an iss claim", "client_unnamed");
        }
        RegisteredClient client = StoreCalls.call(CLIENT_REGISTRY_UNAVAILABLE, () -> clients.findByIssuer(iss))
                .orElseThrow(() -> generic("client_unknown_by_iss"));
        if (!client.active()) {
            throw generic("client_inactive");
        }
        return client;
    }

    /**
     * Attack catalogue #22: credentials of client B with an assertion whose {@code iss} names someone B does
     * not accept is a client presenting another's assertion — {@code invalid_client}, with the generic
     * description, before any key of B is tried. An absent {@code iss} is left to the claim rules.
     */
    private static void requireIssuerOfNamedClient(RegisteredClient client, ClientCredentials credentials, JwtClaims unverified) {
        String iss = stringClaim(unverified, "iss");
        if (credentials.clientId().isPresent() && iss != null && !client.acceptedIssuers().contains(iss)) {
            throw ClientAuthenticator.failed("assertion_iss_not_client");
        }
    }

    private User resolveUser(RegisteredClient client, String subject) {
        Optional<User> user = StoreCalls.call("user_directory_unavailable", () -> users.find(client.userField(), subject));
        if (user.isEmpty()) {
            throw new OAuthException(OAuthError.INVALID_GRANT,
                    "The assertion's sub does not name a user by " + client.userField().fieldName(), "user_unknown");
        }
        if (!user.get().active()) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The user the assertion names is not active", "user_inactive");
        }
        if (user.get().lockedOut()) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The user the assertion names is locked out", "user_locked_out");
        }
        return user.get();
    }

    /** The form's {@code scope}, else the assertion's {@code scope} claim, else every scope of the client. */
    private static String grantedScope(RegisteredClient client, Optional<String> formScope, JwtClaims claims) {
        String requested = formScope.orElseGet(() -> stringClaim(claims, "scope"));
        if (requested == null || requested.isBlank()) {
            return String.join(" ", client.scopes().stream().sorted().toList());
        }
        Set<String> scopes = new LinkedHashSet<>(List.of(requested.trim().split(" +")));
        for (String scope : scopes) {
            if (!client.scopes().contains(scope)) {
                throw new OAuthException(OAuthError.INVALID_SCOPE,
                        "The scope " + CompactJws.printable(scope) + " is not allowed for this client", "scope_not_allowed");
            }
        }
        return String.join(" ", scopes);
    }

    private void recordJti(RegisteredClient client, JwtClaims claims) {
        String jti = stringClaim(claims, "jti");
        if (jti == null) {
            return;
        }
        long exp = numericClaim(claims);
        Instant keepUntil = Instant.ofEpochSecond(exp).plus(client.clockSkew());
        boolean first;
        try {
            first = StoreCalls.call(REPLAY_STORE_UNAVAILABLE, () -> replayStore.firstUse(client.clientId(), jti, keepUntil));
        } catch (IllegalStateException e) {
            // Not an outage (the database answered): a fault of ours, and no token without a recorded jti.
            throw new OAuthException(OAuthError.SERVER_ERROR, "The token could not be issued; try again", "replay_store_failed");
        }
        if (!first) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The assertion was already used (jti replay)", "jti_replayed");
        }
    }

    /** Seconds left, rounded down: issued at second s with lifespan L, a token read a moment later has L − 1 whole seconds. */
    static long secondsLeft(long expiresAt, Instant now) {
        long nowCeil = now.getEpochSecond() + (now.getNano() > 0 ? 1 : 0);
        return Math.max(0, expiresAt - nowCeil);
    }

    private static OAuthException generic(String reason) {
        return new OAuthException(OAuthError.INVALID_GRANT, NOT_VERIFIED, reason);
    }

    private static String stringClaim(JwtClaims claims, String name) {
        return claims.getClaimValue(name) instanceof String s ? s : null;
    }

    private static long numericClaim(JwtClaims claims) {
        try {
            return claims.getExpirationTime().getValue();
        } catch (MalformedClaimException e) {
            throw new IllegalStateException("exp was checked before", e);
        }
    }
}
