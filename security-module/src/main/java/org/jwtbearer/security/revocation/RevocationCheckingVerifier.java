package org.jwtbearer.security.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jwtbearer.security.token.ExpiringTokenCache;
import org.jwtbearer.security.token.InvalidTokenException;
import org.jwtbearer.security.token.TokenHash;
import org.jwtbearer.security.token.TokenVerifier;
import org.jwtbearer.security.token.VerifiedAccessToken;
import org.jwtbearer.security.token.TokenCheckUnavailableException;

/**
 * Adds a revocation check to another verifier: a token it accepted is refused when the issuer's introspection
 * endpoint says it is no longer active. The token is verified locally first, so a forged or foreign token is
 * never sent to the issuer.
 *
 * <p>Answers are remembered per token hash for {@code cacheTime} (never past the token's {@code exp}): a
 * revocation is noticed within that time. It must wrap a {@code CachingTokenVerifier}, never be wrapped by
 * one, so remembered signatures never skip this check.
 *
 * <p>When the endpoint cannot be asked, the token is refused ({@code failOpen} false, the default: a revoked
 * token must not pass because the issuer is down) or accepted with a warning. After such a failure the
 * endpoint is left alone for {@code backoff}, so an outage costs one waiting request per back-off rather than
 * a timeout on every request.
 */
public final class RevocationCheckingVerifier implements TokenVerifier {

    private static final Logger LOG = Logger.getLogger(RevocationCheckingVerifier.class.getName());
    static final int MAX_REMEMBERED_ANSWERS = 10_000;

    private final TokenVerifier delegate;
    private final IntrospectionClient introspection;
    private final Duration cacheTime;
    private final Duration backoff;
    private final boolean failOpen;
    private final Clock clock;
    private final ExpiringTokenCache<Boolean> answers = new ExpiringTokenCache<>(MAX_REMEMBERED_ANSWERS);
    private volatile Instant askAgainAt = Instant.MIN;

    public RevocationCheckingVerifier(TokenVerifier delegate, IntrospectionClient introspection, Duration cacheTime,
                                      Duration backoff, boolean failOpen, Clock clock) {
        this.delegate = delegate;
        this.introspection = introspection;
        this.cacheTime = cacheTime;
        this.backoff = backoff;
        this.failOpen = failOpen;
        this.clock = clock;
    }

    @Override
    public VerifiedAccessToken verify(String token) throws InvalidTokenException {
        VerifiedAccessToken verified = delegate.verify(token);
        Instant now = clock.instant();
        String key = TokenHash.of(token);
        Boolean active = answers.get(key, now).orElse(null);
        if (active == null) {
            IntrospectionAnswer answer = now.isBefore(askAgainAt)
                    ? IntrospectionAnswer.unavailable("backing off after a failure")
                    : introspection.ask(token);
            if (answer.status() == IntrospectionAnswer.Status.UNAVAILABLE) {
                return unavailable(verified, answer, now);
            }
            active = answer.status() == IntrospectionAnswer.Status.ACTIVE;
            answers.put(key, active, until(verified, now), now);
        }
        if (!active) {
            throw new InvalidTokenException("revoked", "The access token has been revoked or is no longer active");
        }
        return verified;
    }

    private VerifiedAccessToken unavailable(VerifiedAccessToken verified, IntrospectionAnswer answer, Instant now)
            throws InvalidTokenException {
        if (!now.isBefore(askAgainAt)) {
            askAgainAt = now.plus(backoff);
            LOG.log(Level.WARNING, "Cannot check revocation at {0}: {1}; tokens are {2} for {3} s",
                    new Object[] {introspection, answer.problem(), failOpen ? "accepted" : "refused", backoff.toSeconds()});
        }
        if (failOpen) {
            return verified;
        }
        // Not a verdict on the token: 503 with Retry-After, so the client keeps its token and tries again.
        throw new TokenCheckUnavailableException("The access token's revocation status cannot be checked right now; try again later");
    }

    private Instant until(VerifiedAccessToken verified, Instant now) {
        Instant remembered = now.plus(cacheTime);
        if (verified.getClaim("exp") instanceof Number exp && Instant.ofEpochSecond(exp.longValue()).isBefore(remembered)) {
            return Instant.ofEpochSecond(exp.longValue());
        }
        return remembered;
    }
}
