package org.jwtbearer.incident.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class IncidentChangeTest {

    private static final Instant CREATED = Instant.parse("2030-01-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2030-01-02T10:00:00Z");

    /** A stored incident as create leaves it: New, impact and urgency 3, priority 5, never updated. */
    private static Incident stored() {
        Incident incident = new Incident();
        incident.sysId = "0123456789abcdef0123456789abcdef";
        incident.shortDescription = "Printer jams";
        incident.callerId = "abel.tuter";
        incident.rate(3, 3);
        incident.changeState(IncidentState.NEW, CREATED);
        incident.sysCreatedOn = CREATED;
        incident.sysCreatedBy = "abel.tuter";
        incident.sysUpdatedOn = CREATED;
        incident.sysUpdatedBy = "abel.tuter";
        return incident;
    }

    private static IncidentChange impact(int value) {
        return new IncidentChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(value), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static IncidentChange urgency(int value) {
        return new IncidentChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(value),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static IncidentChange state(IncidentState value) {
        return new IncidentChange(Optional.empty(), Optional.empty(), Optional.of(value), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static IncidentChange assignedTo(String value) {
        return new IncidentChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(value));
    }

    @Test
    void applyToWhenImpactChangesThenPriorityFromMatrix() {
        Incident incident = stored();

        assertTrue(impact(1).applyTo(incident, "beth.anglin", NOW));

        assertEquals(1, incident.impact);
        assertEquals(3, incident.priority);
    }

    @Test
    void applyToWhenUrgencyChangesThenPriorityFromMatrix() {
        Incident incident = stored();
        impact(2).applyTo(incident, "beth.anglin", NOW);

        urgency(1).applyTo(incident, "beth.anglin", NOW);

        assertEquals(2, incident.priority);
    }

    @Test
    void applyToWhenSomethingChangesThenSysFieldsRecordIt() {
        Incident incident = stored();

        assignedTo("beth.anglin").applyTo(incident, "beth.anglin", NOW);

        assertEquals("beth.anglin", incident.assignedTo);
        assertEquals(1, incident.sysModCount);
        assertEquals(NOW, incident.sysUpdatedOn);
        assertEquals("beth.anglin", incident.sysUpdatedBy);
        assertEquals(CREATED, incident.sysCreatedOn);
    }

    @Test
    void applyToWhenEachUpdateChangesThenModCountCountsEach() {
        Incident incident = stored();

        impact(2).applyTo(incident, "a", NOW);
        urgency(2).applyTo(incident, "b", NOW);
        state(IncidentState.IN_PROGRESS).applyTo(incident, "c", NOW);

        assertEquals(3, incident.sysModCount);
        assertEquals("c", incident.sysUpdatedBy);
    }

    @Test
    void applyToWhenNothingNamedThenNoChangeAndSysFieldsKept() {
        Incident incident = stored();

        assertFalse(IncidentChange.none().applyTo(incident, "beth.anglin", NOW));

        assertEquals(0, incident.sysModCount);
        assertEquals(CREATED, incident.sysUpdatedOn);
        assertEquals("abel.tuter", incident.sysUpdatedBy);
    }

    @Test
    void applyToWhenValuesEqualStoredOnesThenNoChange() {
        Incident incident = stored();
        IncidentChange same = new IncidentChange(Optional.of("Printer jams"), Optional.empty(), Optional.of(IncidentState.NEW),
                Optional.of(3), Optional.of(3), Optional.empty(), Optional.of("abel.tuter"), Optional.of(""));

        assertFalse(same.applyTo(incident, "beth.anglin", NOW));

        assertEquals(0, incident.sysModCount);
    }

    @Test
    void applyToWhenEmptyTextThenFieldCleared() {
        Incident incident = stored();
        incident.assignedTo = "beth.anglin";

        assertTrue(assignedTo("").applyTo(incident, "beth.anglin", NOW));

        assertNull(incident.assignedTo);
    }

    @Test
    void applyToWhenStateResolvedThenInactiveAndStamped() {
        Incident incident = stored();

        state(IncidentState.RESOLVED).applyTo(incident, "beth.anglin", NOW);

        assertFalse(incident.active);
        assertEquals(NOW, incident.resolvedAt);
        assertEquals(1, incident.sysModCount);
    }

    @Test
    void applyToWhenStateUnchangedThenStampsKept() {
        Incident incident = stored();
        state(IncidentState.RESOLVED).applyTo(incident, "beth.anglin", CREATED);

        assertFalse(state(IncidentState.RESOLVED).applyTo(incident, "beth.anglin", NOW));

        assertEquals(CREATED, incident.resolvedAt);
        assertEquals(1, incident.sysModCount);
    }
}
