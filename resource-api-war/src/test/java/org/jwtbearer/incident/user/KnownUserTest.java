package org.jwtbearer.incident.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KnownUserTest {

    private static final String SYS_ID = "0123456789abcdef0123456789abcdef";

    @Test
    void whenWellFormedThenKept() {
        KnownUser user = new KnownUser("abel.tuter", SYS_ID, "Abel Tuter");

        assertEquals(SYS_ID, user.sysId());
        assertEquals("Abel Tuter", user.name());
        assertTrue(user.storable());
    }

    @Test
    void whenSysIdNotAnIssuerIdOrNameTooLongThenDropped() {
        KnownUser user = new KnownUser("abel.tuter", "not-a-sys-id", "x".repeat(256));

        assertNull(user.sysId());
        assertNull(user.name());
    }

    @Test
    void whenUserNameMissingOrTooLongThenNotStorable() {
        assertFalse(new KnownUser(null, SYS_ID, "n").storable());
        assertFalse(new KnownUser(" ", SYS_ID, "n").storable());
        assertFalse(new KnownUser("u".repeat(256), SYS_ID, "n").storable());
    }
}
