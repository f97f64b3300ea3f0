package org.jwtbearer.security.mechanism;

import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jwtbearer.security.config.BearerSettings;
import org.jwtbearer.security.jose.RemoteJwks;
import org.jwtbearer.security.token.AccessTokenVerifier;
import org.jwtbearer.security.token.InvalidTokenException;
import org.jwtbearer.security.token.TokenVerifier;
import org.jwtbearer.security.token.VerifiedAccessToken;

/**
 * The application's access-token verifier, built once from its settings. An application without
 * {@code mp.jwt.verify.publickey.location} has none, and every bearer token it receives is refused.
 *
 * <p>An application that holds the issuer's keys itself (the issuer protecting its own admin API) produces
 * a {@link TokenVerifier} bean instead; that one is used, and the settings are not read.
 */
@ApplicationScoped
public class BearerVerification {

    private static final Logger LOG = Logger.getLogger(BearerVerification.class.getName());

    @Inject
    Config config;

    @Inject
    Instance<TokenVerifier> applicationVerifier;

    private Optional<TokenVerifier> verifier;
    private String realm;

    @PostConstruct
    void init() {
        if (applicationVerifier.isResolvable()) {
            verifier = Optional.of(applicationVerifier.get());
            realm = config.getOptionalValue(BearerSettings.REALM, String.class).orElse("jwtbearer");
            return;
        }
        Optional<BearerSettings> settings = BearerSettings.from(config);
        realm = settings.map(BearerSettings::realm).orElse("jwtbearer");
        verifier = settings.map(s -> (TokenVerifier) new AccessTokenVerifier(
                new RemoteJwks(s.keyLocation(), s.jwksMaxAge(), s.jwksCooldown(), s.jwksTimeout(), Clock.systemUTC()),
                s.issuer(), s.audiences(), s.clockSkew(), Clock.systemUTC()));
        if (verifier.isEmpty()) {
            LOG.info(() -> BearerSettings.KEY_LOCATION + " is not set: bearer tokens are not accepted by this application");
        }
    }

    public VerifiedAccessToken verify(String token) throws InvalidTokenException {
        if (verifier.isEmpty()) {
            throw new InvalidTokenException("not_configured", "This application does not accept bearer tokens");
        }
        return verifier.get().verify(token);
    }

    public String realm() {
        return realm;
    }
}
