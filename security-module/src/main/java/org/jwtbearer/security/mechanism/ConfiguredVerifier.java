package org.jwtbearer.security.mechanism;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.jwtbearer.security.config.BearerSettings;
import org.jwtbearer.security.config.IntrospectionSettings;
import org.jwtbearer.security.config.KeySettings;
import org.jwtbearer.security.config.RevocationListSettings;
import org.jwtbearer.security.config.VerificationSettings;
import org.jwtbearer.security.jose.AlgorithmRestrictedKeys;
import org.jwtbearer.security.jose.JweDecrypter;
import org.jwtbearer.security.jose.KeySource;
import org.jwtbearer.security.jose.RemoteJwks;
import org.jwtbearer.security.jose.StaticKeys;
import org.jwtbearer.security.revocation.IntrospectionClient;
import org.jwtbearer.security.revocation.RevocationCheckingVerifier;
import org.jwtbearer.security.revocation.RevocationList;
import org.jwtbearer.security.revocation.RevocationListClient;
import org.jwtbearer.security.revocation.RevocationListVerifier;
import org.jwtbearer.security.token.AccessTokenVerifier;
import org.jwtbearer.security.token.CachingTokenVerifier;
import org.jwtbearer.security.token.DecryptingTokenVerifier;
import org.jwtbearer.security.token.TokenRules;
import org.jwtbearer.security.token.TokenVerifier;

/**
 * The verifier the settings describe, assembled in the one order that is safe: the revocation checks outside
 * (introspection, then the revocation list), then the verified-token cache, then decryption when configured, then
 * the signature and claim checks against the issuer's keys (its JWKS, or keys configured once). The cache inside the
 * revocation checks is what keeps a remembered signature from skipping them; decryption inside the cache spares a
 * remembered token its RSA work.
 *
 * @param verifier    the assembled verifier
 * @param jwks        the issuer's key set, for the scheduler to refresh ahead of its max-age; null when the keys are
 *                    static (inline, file or class path) and nothing is refreshed
 * @param revocations the issuer's revocation list, for the scheduler to keep fresh; null when none is configured
 */
public record ConfiguredVerifier(TokenVerifier verifier, RemoteJwks jwks, RevocationList revocations) {

    public static ConfiguredVerifier build(BearerSettings settings, VerificationSettings verification, Clock clock,
                                           Executor background) {
        // The client keeps its own executor: the server's managed scheduler may have a single thread (Payara's
        // default core size is 0), and a background refresh waiting in send() on that thread would leave no thread
        // to complete its own response.
        HttpClient http = RemoteJwks.defaultClient(settings.jwksTimeout());
        KeySettings keySettings = settings.keys();
        RemoteJwks jwks = keySettings.remoteKeys().map(uri -> new RemoteJwks(uri, settings.jwksMaxAge(), settings.jwksCooldown(),
                settings.jwksTimeout(), verification.jwksMaxStale(), clock, http, background, keySettings.minRsaBits())).orElse(null);
        KeySource keys = new AlgorithmRestrictedKeys(jwks != null ? jwks : new StaticKeys(keySettings.staticKeys(), clock),
                keySettings.signatureAlgorithms());
        TokenRules rules = new TokenRules(Optional.ofNullable(settings.issuer()), settings.audiences(), verification.requireAccessTokenType(),
                settings.clockSkew(), verification.tokenAge());
        TokenVerifier verifier = new AccessTokenVerifier(keys, rules, clock);
        if (keySettings.decryption().isPresent()) {
            KeySettings.Decryption decryption = keySettings.decryption().get();
            verifier = new DecryptingTokenVerifier(new JweDecrypter(decryption.keys(), decryption.algorithms()), verifier);
        }
        if (verification.tokenCacheMaxEntries() > 0) {
            verifier = new CachingTokenVerifier(verifier, verification.tokenCacheMaxEntries(), rules, clock,
                    jwks != null ? jwks::keyGeneration : () -> 0);
        }
        RevocationList revocations = null;
        if (verification.revocationList().isPresent()) {
            RevocationListSettings list = verification.revocationList().get();
            revocations = new RevocationList(new RevocationListClient(list, http), list, clock, background);
            verifier = new RevocationListVerifier(verifier, revocations, list.failOpen());
        }
        if (verification.introspection().isPresent()) {
            IntrospectionSettings introspection = verification.introspection().get();
            verifier = new RevocationCheckingVerifier(verifier, new IntrospectionClient(introspection, http),
                    introspection.cacheTime(), introspection.timeout(), introspection.failOpen(), clock);
        }
        return new ConfiguredVerifier(verifier, jwks, revocations);
    }

    /** How often the scheduler looks whether the revocation list is due: every second, cheaply, so no refresh comes late. */
    public static final Duration REVOCATION_TICK = Duration.ofSeconds(1);

    /** How often the scheduler looks whether the keys are due: a quarter of their max-age, within 1–60 s. */
    public static Duration refreshTick(Duration jwksMaxAge) {
        Duration quarter = jwksMaxAge.dividedBy(4);
        Duration min = Duration.ofSeconds(1);
        Duration max = Duration.ofSeconds(60);
        return quarter.compareTo(min) < 0 ? min : quarter.compareTo(max) > 0 ? max : quarter;
    }
}
