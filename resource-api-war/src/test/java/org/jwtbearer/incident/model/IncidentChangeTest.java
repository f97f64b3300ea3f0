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
    void applyWhenImpactChangesThenPriorityFromMatrix() {
        Incident incident = stored();

        assertTrue(incident.apply(impact(1), "beth.anglin", NOW));

        assertEquals(1, incident.impact);
        assertEquals(3, incident.priority);
    }

    @Test
    void applyWhenUrgencyChangesThenPriorityFromMatrix() {
        Incident incident = stored();
        incident.apply(impact(2), "beth.anglin", NOW);

        incident.apply(urgency(1), "beth.anglin", NOW);

        assertEquals(2, incident.priority);
    }

    @Test
    void applyWhenSomethingChangesThenSysFieldsRecordIt() {
        Incident incident = stored();

        incident.apply(assignedTo("beth.anglin"), "beth.anglin", NOW);

        assertEquals("beth.anglin", incident.assignedTo);
        assertEquals(1, incident.sysModCount);
        assertEquals(NOW, incident.sysUpdatedOn);
        assertEquals("beth.anglin", incident.sysUpdatedBy);
        assertEquals(CREATED, incident.sysCreatedOn);
    }

    @Test
    void applyWhenEachUpdateChangesThenModCountCountsEach() {
        Incident incident = stored();

        incident.apply(impact(2), "a", NOW);
        incident.apply(urgency(2), "b", NOW);
        incident.apply(state(IncidentState.IN_PROGRESS), "c", NOW);

        assertEquals(3, incident.sysModCount);
        assertEquals("c", incident.sysUpdatedBy);
    }

    @Test
    void applyWhenNothingNamedThenNoChangeAndSysFieldsKept() {
        Incident incident = stored();

        assertFalse(incident.apply(IncidentChange.none(), "beth.anglin", NOW));

        assertEquals(0, incident.sysModCount);
        assertEquals(CREATED, incident.sysUpdatedOn);
        assertEquals("abel.tuter", incident.sysUpdatedBy);
    }

    @Test
    void applyWhenValuesEqualStoredOnesThenNoChange() {
        Incident incident = stored();
        IncidentChange same = new IncidentChange(Optional.of("Printer jams"), Optional.empty(), Optional.of(IncidentState.NEW),
                Optional.of(3), Optional.of(3), Optional.empty(), Optional.of("abel.tuter"), Optional.of(""));

        assertFalse(incident.apply(same, "beth.anglin", NOW));

        assertEquals(0, incident.sysModCount);
    }

    @Test
    void applyWhenEmptyTextThenFieldCleared() {
        Incident incident = stored();
        incident.assignedTo = "beth.anglin";

        assertTrue(incident.apply(assignedTo(""), "beth.anglin", NOW));

        assertNull(incident.assignedTo);
    }

    @Test
    void applyWhenStateResolvedThenInactiveAndStamped() {
        Incident incident = stored();

        incident.apply(state(IncidentState.RESOLVED), "beth.anglin", NOW);

        assertFalse(incident.active);
        assertEquals(NOW, incident.resolvedAt);
        assertEquals(1, incident.sysModCount);
    }

    @Test
    void applyWhenStateUnchangedThenStampsKept() {
        Incident incident = stored();
        incident.apply(state(IncidentState.RESOLVED), "beth.anglin", CREATED);

        assertFalse(incident.apply(state(IncidentState.RESOLVED), "beth.anglin", NOW));

        assertEquals(CREATED, incident.resolvedAt);
        assertEquals(1, incident.sysModCount);
    }
}
