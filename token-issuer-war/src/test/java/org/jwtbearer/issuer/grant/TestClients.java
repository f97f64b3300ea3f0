package org.jwtbearer.issuer.grant;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jwtbearer.issuer.client.ClaimValidation;
import org.jwtbearer.issuer.client.ClientJwks;
import org.jwtbearer.issuer.client.ClientKeys;
import org.jwtbearer.issuer.client.ClientRegistry;
import org.jwtbearer.issuer.client.SecretHash;
import org.jwtbearer.issuer.client.RegisteredClient;
import org.jwtbearer.issuer.client.UserField;
import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.issuer.config.TestSettings;
import org.jwtbearer.issuer.replay.ReplayStore;
import org.jwtbearer.issuer.support.SecretBox;
import org.jwtbearer.security.assertion.SigningKey;
import org.jwtbearer.security.jose.SignatureAlgorithms;
import org.jwtbearer.security.jose.VerifierKey;

/** A registered client and its key, generated once per JVM, to change one setting of in a test. */
final class TestClients {

    static final String CLIENT_ID = "test-client";
    static final String TOKEN_ENDPOINT = "https://issuer.example.com/oauth_token.do";
    static final KeyPair KEY = rsa();
    static final KeyPair OTHER_KEY = rsa();
    static final IssuerSettings SETTINGS = TestSettings.with("jwtbearer.registry.cache-seconds", "0");

    private TestClients() {
    }

    static SigningKey signingKey() {
        return new SigningKey(KEY.getPrivate(), "k1", "RS256", null);
    }

    /** Encrypts HMAC client secrets in tests, as the container's SecretBox does. */
    static final SecretBox BOX = SecretBox.generated();

    static ClientKeys keys() {
        return new ClientKeys(BOX, new ClientJwks(SETTINGS, Clock.systemUTC()));
    }

    /** The registered client, confidential with this secret, allowed these algorithms, the secret sealed for HMAC. */
    static RegisteredClient hmac(String secret, Set<String> algorithms) {
        RegisteredClient c = confidential(secret);
        return new RegisteredClient(c.clientId(), c.name(), c.secretHash(), false, c.userField(), c.acceptedIssuers(),
                c.acceptedAudiences(), c.maxAssertionLifetime(), c.clockSkew(), c.requireJti(), c.accessTokenLifespan(),
                c.scopes(), algorithms, c.keys(), c.claimValidations(), true,
                Optional.of(BOX.seal(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), c.clientId())), Optional.empty());
    }

    static RegisteredClient registered() {
        return registered(List.of());
    }

    static RegisteredClient registered(List<ClaimValidation> validations) {
        return new RegisteredClient(CLIENT_ID, "Test", Optional.empty(), true, UserField.USER_NAME, Set.of(CLIENT_ID),
                Set.of(CLIENT_ID, TOKEN_ENDPOINT), Duration.ofSeconds(300), Duration.ofSeconds(60), true,
                Duration.ofSeconds(1800), Set.of("useraccount", "reporting"), Set.copyOf(SignatureAlgorithms.ASYMMETRIC),
                List.of(new VerifierKey("k1", KEY.getPublic(), null)), validations, true, Optional.empty(), Optional.empty());
    }

    /** The authenticator as the container wires it, over these collaborators; secrets are checked for real. */
    static ClientAuthenticator authenticator(ClientRegistry clients, ReplayStore replayStore, ClientKeys keys, Clock clock) {
        ClientAuthenticator authenticator = new ClientAuthenticator();
        authenticator.clients = clients;
        authenticator.secrets = new SecretVerifier() {
            @Override
            public boolean matches(String presented, String storedHash) {
                return SecretHash.matches(presented, storedHash);
            }
        };
        authenticator.assertions = new ClientAssertionVerifier();
        authenticator.assertions.settings = SETTINGS;
        authenticator.assertions.keys = keys;
        authenticator.replayStore = replayStore;
        authenticator.throttle = throttle(SETTINGS);
        authenticator.clock = clock;
        return authenticator;
    }

    static ClientAuthThrottle throttle(IssuerSettings settings) {
        ClientAuthThrottle throttle = new ClientAuthThrottle();
        throttle.settings = settings;
        throttle.readSettings();
        return throttle;
    }

    /** The registered client, made confidential with this secret. */
    static RegisteredClient confidential(String secret) {
        RegisteredClient c = registered();
        return new RegisteredClient(c.clientId(), c.name(), Optional.of(SecretHash.hash(secret)), false, c.userField(),
                c.acceptedIssuers(), c.acceptedAudiences(), c.maxAssertionLifetime(), c.clockSkew(), c.requireJti(),
                c.accessTokenLifespan(), c.scopes(), c.algorithms(), c.keys(), c.claimValidations(), c.active(), Optional.empty(), Optional.empty());
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
