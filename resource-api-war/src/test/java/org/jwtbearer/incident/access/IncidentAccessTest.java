package org.jwtbearer.incident.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.jwtbearer.incident.api.TableApiException;

class IncidentAccessTest {

    private static Caller caller(String... roles) {
        return new Caller("someone", Set.of(roles));
    }

    @Test
    void requireWriteWhenItilOrAdminThenAllowed() {
        assertDoesNotThrow(() -> IncidentAccess.requireWrite(caller(Caller.ROLE_ITIL)));
        assertDoesNotThrow(() -> IncidentAccess.requireWrite(caller(Caller.ROLE_ADMIN)));
    }

    @Test
    void requireWriteWhenNoRoleThenForbidden() {
        assertEquals(403, assertThrows(TableApiException.class, () -> IncidentAccess.requireWrite(caller())).status());
    }

    @Test
    void requireDeleteWhenAdminThenAllowed() {
        assertDoesNotThrow(() -> IncidentAccess.requireDelete(caller(Caller.ROLE_ITIL, Caller.ROLE_ADMIN)));
        assertDoesNotThrow(() -> IncidentAccess.requireDelete(caller(Caller.ROLE_ADMIN)));
    }

    @Test
    void requireDeleteWhenItilWithoutAdminThenForbidden() {
        assertEquals(403, assertThrows(TableApiException.class, () -> IncidentAccess.requireDelete(caller(Caller.ROLE_ITIL))).status());
    }

    @Test
    void requireDeleteWhenNoRoleThenForbidden() {
        assertEquals(403, assertThrows(TableApiException.class, () -> IncidentAccess.requireDelete(caller())).status());
    }
}
