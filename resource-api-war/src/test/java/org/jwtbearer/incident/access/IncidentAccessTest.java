package org.jwtbearer.incident.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class IncidentAccessTest {

    private static Caller caller(String... roles) {
        return new Caller("someone", Set.of(roles));
    }

    @Test
    void readsAllWhenItilOrAdminThenEveryIncident() {
        assertTrue(IncidentAccess.readsAll(caller(Caller.ROLE_ITIL)));
        assertTrue(IncidentAccess.readsAll(caller(Caller.ROLE_ADMIN)));
    }

    @Test
    void readsAllWhenNeitherRoleThenOnlyOwnIncidents() {
        assertFalse(IncidentAccess.readsAll(caller()));
        assertFalse(IncidentAccess.readsAll(caller("itil_admin", "catalog")));
    }
}
