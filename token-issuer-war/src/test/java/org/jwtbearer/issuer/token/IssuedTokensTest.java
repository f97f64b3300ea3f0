package org.jwtbearer.issuer.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jwtbearer.issuer.client.RegisteredClient;
import org.jwtbearer.issuer.client.UserField;
import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.issuer.config.TestSettings;
import org.jwtbearer.issuer.grant.OAuthError;
import org.jwtbearer.issuer.grant.OAuthException;
import org.jwtbearer.issuer.keys.IssuerSigningKeys;
import org.jwtbearer.issuer.revocation.RevokedTokens;
import org.jwtbearer.issuer.revocation.TokenNotBefores;
import org.jwtbearer.issuer.user.User;
import org.jwtbearer.security.assertion.JwtSigner;
import org.jwtbearer.security.assertion.SigningKey;
import org.jwtbearer.security.jose.SignatureAlgorithms;
import org.jwtbearer.security.jose.VerifierKey;
import org.jwtbearer.security.token.VerifiedAccessToken;

/**
 * Which tokens introspection calls active and revocation acts on: real tokens minted by {@link AccessTokenIssuer},
 * each negative case changing one thing.
 */
class IssuedTokensTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final String ISSUER = "https://issuer.example.com";
    private static final KeyPair CURRENT = rsa();
    private static final KeyPair RETIRED = rsa();
    private static final KeyPair FOREIGN = rsa();
    private static final User USER = new User("0123456789abcdef0123456789abcdef", "abel.tuter", "Abel Tuter", "abel@example.com", Set.of("itil"), true, false);

    private final List<VerifierKey> published = new ArrayList<>();
    private final Set<String> revokedJtis = new HashSet<>();
    /** "client:<id>" / "user:<sys_id>" → not-before, epoch seconds. */
    private final Map<String, Long> notBefore = new HashMap<>();
    private SigningKey signing = key(CURRENT, "current");
    private IssuedTokens tokens;
    private TokenRevocation revocation;
    private AccessTokenIssuer issuer;

    @BeforeEach
    void wire() {
        published.add(new VerifierKey("current", CURRENT.getPublic(), null, "RS256"));
        published.add(new VerifierKey("retired", RETIRED.getPublic(), null, "RS256"));
        IssuerSettings settings = TestSettings.with("jwtbearer.issuer", ISSUER);
        IssuerSigningKeys keys = new IssuerSigningKeys() {
            @Override
            public SigningKey current() {
                return signing;
            }

            @Override
            public List<VerifierKey> published() {
                return List.copyOf(published);
            }
        };
        RevokedTokens revoked = new RevokedTokens() {
            @Override
            public void revoke(String jti, String clientId, Instant expiresAt, Instant now) {
                revokedJtis.add(jti);
            }

            @Override
            public boolean isRevoked(String jti) {
                return revokedJtis.contains(jti);
            }
        };
        tokens = new IssuedTokens();
        tokens.settings = settings;
        tokens.keys = keys;
        tokens.revoked = revoked;
        tokens.notBefores = new TokenNotBefores() {
            @Override
            public OptionalLong notBefore(String clientId, String sub, Instant now) {
                Long client = notBefore.get("client:" + clientId);
                Long user = notBefore.get("user:" + sub);
                if (client == null && user == null) {
                    return OptionalLong.empty();
                }
                return OptionalLong.of(Math.max(client == null ? Long.MIN_VALUE : client, user == null ? Long.MIN_VALUE : user));
            }
        };
        revocation = new TokenRevocation();
        revocation.tokens = tokens;
        revocation.revoked = revoked;
        issuer = new AccessTokenIssuer();
        issuer.settings = settings;
        issuer.keys = keys;
    }

    private String issue(String clientId) {
        return issuer.issue(client(clientId), USER, "useraccount", NOW).value();
    }

    private JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(ISSUER + "/api");
        claims.setSubject(USER.sysId());
        claims.setClaim("client_id", "client-a");
        claims.setIssuedAt(NumericDate.fromSeconds(NOW.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(NOW.getEpochSecond() + 600));
        claims.setJwtId("jti-1");
        return claims;
    }

    @Test
    void activeWhenLiveTokenOfThisIssuerThenItsClaims() {
        VerifiedAccessToken token = tokens.active(issue("client-a"), NOW.plusSeconds(1)).orElseThrow();

        assertEquals("client-a", token.getClaim("client_id"));
        assertEquals("abel.tuter", token.getClaim("upn"));
        assertEquals("Abel Tuter", token.getClaim("name"));
    }

    @Test
    void activeWhenExpiryReachedThenInactiveWithNoSkew() {
        String token = issue("client-a");
        Instant exp = NOW.plus(Duration.ofSeconds(1800));

        assertTrue(tokens.active(token, exp.minusSeconds(1)).isPresent());
        assertFalse(tokens.active(token, exp).isPresent());
    }

    @Test
    void activeWhenSignedByRetiredKeyStillPublishedThenActiveAndOnceUnpublishedThenNot() {
        signing = key(RETIRED, "retired");
        String token = issue("client-a");

        assertTrue(tokens.active(token, NOW).isPresent());
        published.removeIf(k -> k.kid().equals("retired"));
        assertFalse(tokens.active(token, NOW).isPresent());
    }

    @Test
    void activeWhenSignedByForeignKeyUnderOurKidThenInactive() {
        assertFalse(tokens.active(JwtSigner.sign(claims(), key(FOREIGN, "current"), "at+jwt"), NOW).isPresent());
        assertTrue(tokens.active(JwtSigner.sign(claims(), key(CURRENT, "current"), "at+jwt"), NOW).isPresent(),
                "the same claims under our key are active: only the key differs");
    }

    @Test
    void activeWhenNotAnAccessTokenOrAnotherIssuerOrAudienceThenInactive() {
        JwtClaims otherIssuer = claims();
        otherIssuer.setIssuer("https://elsewhere.example.com");
        JwtClaims otherAudience = claims();
        otherAudience.setAudience("https://elsewhere.example.com/api");
        JwtClaims noJti = claims();
        noJti.unsetClaim("jti");

        assertFalse(tokens.active(JwtSigner.sign(claims(), signing, "JWT"), NOW).isPresent(), "an assertion is not an access token");
        assertFalse(tokens.active(JwtSigner.sign(otherIssuer, signing, "at+jwt"), NOW).isPresent());
        assertFalse(tokens.active(JwtSigner.sign(otherAudience, signing, "at+jwt"), NOW).isPresent());
        assertFalse(tokens.active(JwtSigner.sign(noJti, signing, "at+jwt"), NOW).isPresent());
        assertFalse(tokens.active("not.a.token", NOW).isPresent());
        assertFalse(tokens.active("", NOW).isPresent());
    }

    @Test
    void activeWhenIssuedBeforeItsUsersOrClientsNotBeforeThenInactive() {
        String token = issue("client-a");

        notBefore.put("user:" + USER.sysId(), NOW.getEpochSecond());
        assertTrue(tokens.active(token, NOW).isPresent(), "issued at the not-before instant: after the deactivation");
        notBefore.put("user:" + USER.sysId(), NOW.getEpochSecond() + 1);
        assertFalse(tokens.active(token, NOW).isPresent(), "the user was deactivated after it was issued");
        notBefore.clear();
        notBefore.put("client:client-b", NOW.getEpochSecond() + 1);
        assertTrue(tokens.active(token, NOW).isPresent(), "another client's deactivation");
        notBefore.put("client:client-a", NOW.getEpochSecond() + 1);
        assertFalse(tokens.active(token, NOW).isPresent(), "its client was deactivated after it was issued");
        assertTrue(tokens.unexpired(token, NOW).isPresent(), "revoked, not expired: revocation still recognises it");
    }

    @Test
    void revokeWhenOwnLiveTokenThenInactive() {
        String token = issue("client-a");

        revocation.revoke(token, client("client-a"), NOW);

        assertFalse(tokens.active(token, NOW).isPresent());
        assertTrue(tokens.unexpired(token, NOW).isPresent(), "revoked, not expired");
    }

    @Test
    void revokeWhenAnotherClientsTokenThenUnauthorizedClientAndStillActive() {
        String token = issue("client-a");

        OAuthException e = assertThrows(OAuthException.class, () -> revocation.revoke(token, client("client-b"), NOW));

        assertEquals(OAuthError.UNAUTHORIZED_CLIENT, e.error());
        assertTrue(tokens.active(token, NOW).isPresent());
        assertTrue(revokedJtis.isEmpty());
    }

    @Test
    void revokeWhenGarbageOrExpiredThenNothingHappensAndNoError() {
        String token = issue("client-a");

        revocation.revoke("garbage", client("client-a"), NOW);
        revocation.revoke(token, client("client-a"), NOW.plus(Duration.ofHours(1)));

        assertTrue(revokedJtis.isEmpty());
    }

    private static RegisteredClient client(String clientId) {
        return new RegisteredClient(clientId, "Test", Optional.empty(), true, UserField.USER_NAME, Set.of(clientId),
                Set.of(clientId), Duration.ofSeconds(300), Duration.ofSeconds(60), true, Duration.ofSeconds(1800),
                Set.of("useraccount"), Set.copyOf(SignatureAlgorithms.ASYMMETRIC),
                List.of(new VerifierKey("k", FOREIGN.getPublic(), null)), List.of(), true, Optional.empty(), Optional.empty());
    }

    private static SigningKey key(KeyPair pair, String kid) {
        return new SigningKey(pair.getPrivate(), kid, "RS256", null);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
