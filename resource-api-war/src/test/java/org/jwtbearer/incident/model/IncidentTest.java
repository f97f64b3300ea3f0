package org.jwtbearer.incident.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class IncidentTest {

    private static final Instant T1 = Instant.parse("2030-01-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2030-01-02T10:00:00Z");

    @Test
    void assignNumberThenServiceNowShape() {
        Incident incident = new Incident();
        incident.seq = 1L;
        incident.assignNumber();
        assertEquals("INC0010001", incident.number);
    }

    @Test
    void changeStateWhenResolvedThenInactiveWithResolvedAt() {
        Incident incident = new Incident();
        incident.changeState(IncidentState.RESOLVED, T1);
        assertFalse(incident.active);
        assertEquals(T1, incident.resolvedAt);
        assertNull(incident.closedAt);
    }

    @Test
    void changeStateWhenClosedAfterResolvedThenResolvedAtKept() {
        Incident incident = new Incident();
        incident.changeState(IncidentState.RESOLVED, T1);
        incident.changeState(IncidentState.CLOSED, T2);
        assertEquals(T1, incident.resolvedAt);
        assertEquals(T2, incident.closedAt);
    }

    @Test
    void changeStateWhenNewOrInProgressThenActive() {
        Incident incident = new Incident();
        incident.changeState(IncidentState.IN_PROGRESS, T1);
        assertTrue(incident.active);
        assertNull(incident.resolvedAt);
    }
}
