package org.jwtbearer.security.mechanism;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jwtbearer.security.config.BearerSettings;
import org.jwtbearer.security.config.VerificationSettings;
import org.jwtbearer.security.token.InvalidTokenException;
import org.jwtbearer.security.token.TokenVerifier;
import org.jwtbearer.security.token.VerifiedAccessToken;

/**
 * The application's access-token verifier, built once from its settings ({@link ConfiguredVerifier}: JWKS
 * fetched lazily and refreshed ahead of its max-age on the server's managed scheduler, verified tokens
 * remembered, optional revocation check). An application without {@code mp.jwt.verify.publickey.location} has
 * none, and every bearer token it receives is refused.
 *
 * <p>An application that holds the issuer's keys itself (the issuer protecting its own admin API) produces
 * a {@link TokenVerifier} bean instead; that one is used as it is (wrap it in a {@code CachingTokenVerifier}
 * to remember verified tokens), and the settings are not read.
 */
@ApplicationScoped
public class BearerVerification {

    private static final Logger LOG = Logger.getLogger(BearerVerification.class.getName());

    @Inject
    Config config;

    @Inject
    Instance<TokenVerifier> applicationVerifier;

    /** Refreshes the issuer's keys ahead of their max-age, off the request threads. */
    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> refreshTask;
    private ScheduledFuture<?> revocationTask;

    private Optional<TokenVerifier> verifier;
    private String realm;

    @PostConstruct
    void init() {
        if (applicationVerifier.isResolvable()) {
            verifier = Optional.of(applicationVerifier.get());
            realm = config.getOptionalValue(BearerSettings.REALM, String.class).orElse("jwtbearer");
            return;
        }
        Optional<Settings> read = settings(config);
        realm = read.map(r -> r.bearer().realm()).orElse("jwtbearer");
        if (read.isEmpty()) {
            verifier = Optional.empty();
            LOG.info(() -> "Neither mp.jwt.verify.publickey nor " + BearerSettings.KEY_LOCATION
                    + " is set: bearer tokens are not accepted by this application");
            return;
        }
        BearerSettings settings = read.get().bearer();
        VerificationSettings verification = read.get().verification();
        if (settings.audiences().isEmpty()) {
            LOG.warning(() -> BearerSettings.AUDIENCES + " is not set: tokens are accepted whatever their audience, so a token"
                    + " this issuer made for another service works here too; set it to this application's audience");
        }
        Executor background = scheduler != null ? scheduler : Runnable::run;
        ConfiguredVerifier configured = ConfiguredVerifier.build(settings, verification, Clock.systemUTC(), background);
        verifier = Optional.of(configured.verifier());
        if (scheduler != null && configured.jwks() != null) {
            long tick = ConfiguredVerifier.refreshTick(settings.jwksMaxAge()).toMillis();
            refreshTask = scheduler.scheduleWithFixedDelay(configured.jwks()::refreshIfDue, tick, tick, TimeUnit.MILLISECONDS);
        }
        if (scheduler != null && configured.revocations() != null) {
            long tick = ConfiguredVerifier.REVOCATION_TICK.toMillis();
            revocationTask = scheduler.scheduleWithFixedDelay(configured.revocations()::refreshIfDue, tick, tick, TimeUnit.MILLISECONDS);
        }
        verification.revocationList().ifPresent(r -> LOG.info(() -> "Bearer tokens are checked against the revocation list at "
                + r.url() + ", fetched every " + r.refreshInterval().toSeconds() + " s and used for at most " + r.maxAge().toSeconds()
                + " s" + (r.failOpen() ? " (tokens accepted when no list that recent can be had)" : "")));
        verification.introspection().ifPresent(i -> LOG.info(() -> "Bearer tokens are checked for revocation at "
                + i.url() + (i.failOpen() ? " (accepted when it cannot be asked)" : "")));
    }

    /** What the application's settings say, read and checked; empty when no key is configured. */
    record Settings(BearerSettings bearer, VerificationSettings verification) {
    }

    /**
     * Reads and checks the settings without building anything that needs the server (its scheduler, the network),
     * so that {@link VerificationStartup} can check them while the application starts.
     *
     * @throws IllegalStateException naming the setting that cannot work
     */
    static Optional<Settings> settings(Config config) {
        Optional<BearerSettings> bearer = BearerSettings.from(config);
        if (bearer.isEmpty()) {
            return Optional.empty();
        }
        VerificationSettings verification = VerificationSettings.from(config);
        if (bearer.get().audiences().isEmpty() && verification.requireAudiences()) {
            throw new IllegalStateException(BearerSettings.AUDIENCES + " must be set: "
                    + VerificationSettings.REQUIRE_AUDIENCES + " is true");
        }
        return Optional.of(new Settings(bearer.get(), verification));
    }

    @PreDestroy
    void stop() {
        if (refreshTask != null) {
            refreshTask.cancel(false);
        }
        if (revocationTask != null) {
            revocationTask.cancel(false);
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
