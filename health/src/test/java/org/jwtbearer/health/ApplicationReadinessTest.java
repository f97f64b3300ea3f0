package org.jwtbearer.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class ApplicationReadinessTest {

    private static HealthCheck answering(String name, Status status, String key, String value) {
        return () -> new HealthCheckResponse(name, status, Optional.of(Map.of(key, value)));
    }

    @Test
    void readyWhenEveryRegisteredCheckIsUp() {
        HealthCheckResponse answer = ApplicationReadiness.combine(List.of(
                answering("jwtbearer-issuer-database", Status.UP, "database", "reachable"),
                answering("jwtbearer-issuer-signing-key", Status.UP, "signing-key", "k1")));

        assertEquals(Status.UP, answer.getStatus());
        assertEquals(Map.of("jwtbearer-issuer-database", "UP database=reachable", "jwtbearer-issuer-signing-key", "UP signing-key=k1"),
                answer.getData().orElseThrow());
    }

    @Test
    void notReadyWhenOneCheckIsDown() {
        HealthCheckResponse answer = ApplicationReadiness.combine(List.of(
                answering("jwtbearer-issuer-database", Status.DOWN, "database", "unreachable"),
                answering("jwtbearer-incident-database", Status.UP, "database", "reachable")));

        assertEquals(Status.DOWN, answer.getStatus());
        assertEquals("DOWN database=unreachable", answer.getData().orElseThrow().get("jwtbearer-issuer-database"));
    }

    @Test
    void notReadyBeforeAnyApplicationRegisteredItsChecks() {
        assertEquals(Status.DOWN, ApplicationReadiness.combine(List.of()).getStatus());
    }

    @Test
    void aCheckThatThrowsIsDownAndTheOthersStillShow() {
        HealthCheck broken = () -> {
            throw new IllegalStateException("boom");
        };
        HealthCheckResponse answer = ApplicationReadiness.combine(List.of(broken,
                answering("jwtbearer-incident-database", Status.UP, "database", "reachable")));

        assertEquals(Status.DOWN, answer.getStatus());
        assertEquals("UP database=reachable", answer.getData().orElseThrow().get("jwtbearer-incident-database"));
    }

    @Test
    void registeredChecksAreReportedUntilRemoved() {
        HealthCheck down = answering("jwtbearer-test", Status.DOWN, "database", "unreachable");
        HealthChecks.addReadiness(down);
        try {
            assertEquals(Status.DOWN, new ApplicationReadiness().call().getStatus());
        } finally {
            HealthChecks.remove(down);
        }
        assertEquals(List.of(), HealthChecks.readiness());
    }
}
