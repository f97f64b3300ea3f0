package org.jwtbearer.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when every registered check is UP (see {@link HealthChecks}); not ready before any application has
 * registered one, since then nothing is serving yet. Each registered check shows in the data as its name and
 * its answer, for example {@code "jwtbearer-issuer-database": "UP database=reachable"}.
 */
@Readiness
@ApplicationScoped
public class ApplicationReadiness implements HealthCheck {

    static final String NAME = "jwtbearer";

    @Override
    public HealthCheckResponse call() {
        return combine(HealthChecks.readiness());
    }

    static HealthCheckResponse combine(List<HealthCheck> checks) {
        if (checks.isEmpty()) {
            return new HealthCheckResponse(NAME, HealthCheckResponse.Status.DOWN, Optional.of(Map.of("applications", "starting")));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        boolean up = true;
        for (HealthCheck check : checks) {
            HealthCheckResponse answer = answerOf(check);
            up &= answer.getStatus() == HealthCheckResponse.Status.UP;
            String details = answer.getData().map(d -> d.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ", " ", ""))).orElse("");
            data.put(answer.getName(), answer.getStatus() + details);
        }
        return new HealthCheckResponse(NAME, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN, Optional.of(data));
    }

    /** A check that throws is DOWN, named by its class: one broken check must not hide the others' answers. */
    private static HealthCheckResponse answerOf(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            return new HealthCheckResponse(check.getClass().getSimpleName(), HealthCheckResponse.Status.DOWN,
                    Optional.of(Map.of("failure", e.getClass().getSimpleName())));
        }
    }
}
