package org.jwtbearer.incident.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The state rules of {@link Incident#changeState} beyond the first resolution: closing, cancelling, reopening. */
class IncidentStateRulesTest {

    private static final Instant T1 = Instant.parse("2030-01-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2030-01-02T10:00:00Z");
    private static final Instant T3 = Instant.parse("2030-01-03T10:00:00Z");

    private static Incident closed() {
        Incident incident = new Incident();
        incident.changeState(IncidentState.RESOLVED, T1);
        incident.changeState(IncidentState.CLOSED, T2);
        return incident;
    }

    @Test
    void changeStateWhenCanceledThenInactiveWithClosedAt() {
        Incident incident = new Incident();
        incident.changeState(IncidentState.IN_PROGRESS, T1);

        incident.changeState(IncidentState.CANCELED, T2);

        assertFalse(incident.active);
        assertEquals(T2, incident.closedAt);
        assertNull(incident.resolvedAt);
    }

    @Test
    void changeStateWhenClosedDirectlyThenResolvedAtAndClosedAtStamped() {
        Incident incident = new Incident();

        incident.changeState(IncidentState.CLOSED, T1);

        assertEquals(T1, incident.resolvedAt);
        assertEquals(T1, incident.closedAt);
    }

    @ParameterizedTest
    @EnumSource(value = IncidentState.class, names = {"NEW", "IN_PROGRESS", "ON_HOLD"})
    void changeStateWhenReopenedThenActiveAndStampsCleared(IncidentState reopened) {
        Incident incident = closed();

        incident.changeState(reopened, T3);

        assertTrue(incident.active);
        assertNull(incident.resolvedAt);
        assertNull(incident.closedAt);
        assertEquals(reopened.value(), incident.state);
    }

    @Test
    void changeStateWhenReopenedAndResolvedAgainThenNewResolvedAt() {
        Incident incident = closed();
        incident.changeState(IncidentState.IN_PROGRESS, T3);

        incident.changeState(IncidentState.RESOLVED, T3);

        assertEquals(T3, incident.resolvedAt);
    }

    @Test
    void changeStateWhenClosedBackToResolvedThenClosedAtClearedResolvedAtKept() {
        Incident incident = closed();

        incident.changeState(IncidentState.RESOLVED, T3);

        assertFalse(incident.active);
        assertEquals(T1, incident.resolvedAt);
        assertNull(incident.closedAt);
    }

    @Test
    void changeStateWhenClosedThenCanceledThenFirstClosedAtKept() {
        Incident incident = closed();

        incident.changeState(IncidentState.CANCELED, T3);

        assertEquals(T2, incident.closedAt);
    }
}
