package org.jwtbearer.issuer.health;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jwtbearer.health.BoundedCall;
import org.jwtbearer.issuer.keys.IssuerSigningKeys;

/**
 * Ready only with a key to sign access tokens with: without one (the current key cannot be opened with this
 * node's {@code jwtbearer.encryption-key}, say) every token request would fail. Reports the key's {@code kid},
 * which the JWKS publishes anyway, or {@code missing}; {@code unknown} when the keys could not be read within
 * {@link #LIMIT} (they are re-read from the database from time to time, on whichever thread asks first).
 */
public final class SigningKeyReadiness implements HealthCheck {

    static final String NAME = "jwtbearer-issuer-signing-key";
    static final Duration LIMIT = Duration.ofSeconds(3);
    static final String MISSING = "missing";
    static final String UNKNOWN = "unknown";

    private final IssuerSigningKeys keys;
    private final BoundedCall calls;

    SigningKeyReadiness(IssuerSigningKeys keys, BoundedCall calls) {
        this.keys = keys;
        this.calls = calls;
    }

    @Override
    public HealthCheckResponse call() {
        String shown = MISSING;
        boolean usable = false;
        try {
            shown = calls.run(() -> keys.current().kid());
            usable = true;
        } catch (ExecutionException e) {
            // IssuerSigningKeys#current() says so when this node has no usable key.
            shown = e.getCause() instanceof IllegalStateException ? MISSING : UNKNOWN;
        } catch (TimeoutException e) {
            shown = UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shown = UNKNOWN;
        }
        return new HealthCheckResponse(NAME, usable ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(Map.of("signing-key", shown)));
    }
}
