package org.jwtbearer.health;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive whenever the deployment answers. Deliberately touches nothing else: a database outage makes the nodes
 * unready ({@link DatabaseReadiness}), and restarting a node would not bring the database back, only lose its keys
 * and caches in memory.
 */
@Liveness
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {

    static final String NAME = "jwtbearer-live";

    @Override
    public HealthCheckResponse call() {
        return new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP, Optional.of(Map.of("checks", (long) HealthChecks.readiness().size())));
    }
}
