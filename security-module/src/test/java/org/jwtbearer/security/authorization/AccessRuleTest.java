package org.jwtbearer.security.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.junit.jupiter.api.Test;

/** Which annotation wins (Jakarta Annotations: the method's over its class's), and scope inheritance. */
class AccessRuleTest {

    @RolesAllowed("itil")
    @RequiresScope("useraccount")
    static class Guarded {
        public void inherits() {
        }

        @RolesAllowed({"admin", "auditor"})
        public void ownRoles() {
        }

        @PermitAll
        public void open() {
        }

        @PermitAll
        @RequiresScope("read")
        public void openButScoped() {
        }

        @DenyAll
        public void closed() {
        }

        @RequiresScope({"a", "b"})
        public void ownScopes() {
        }
    }

    static class Plain {
        public void nothing() {
        }

        @RolesAllowed({})
        public void nobody() {
        }

        @RequiresScope({})
        public void noScope() {
        }

        @RolesAllowed(" itil")
        public void spaced() {
        }
    }

    @DenyAll
    static class Closed {
        public void inherits() {
        }

        @RolesAllowed("itil")
        public void reopened() {
        }
    }

    private static Optional<AccessRule> rule(Class<?> type, String method) throws NoSuchMethodException {
        return AccessRule.of(type, type.getMethod(method));
    }

    @Test
    void ofWhenMethodUnannotatedThenClassRolesAndScope() throws Exception {
        assertEquals(Optional.of(new AccessRule(false, Set.of("itil"), List.of("useraccount"))), rule(Guarded.class, "inherits"));
    }

    @Test
    void ofWhenMethodHasRolesThenTheyReplaceTheClassRolesButScopeStays() throws Exception {
        assertEquals(Optional.of(new AccessRule(false, Set.of("admin", "auditor"), List.of("useraccount"))), rule(Guarded.class, "ownRoles"));
    }

    @Test
    void ofWhenMethodPermitAllThenNoRuleAtAll() throws Exception {
        assertEquals(Optional.empty(), rule(Guarded.class, "open"));
    }

    @Test
    void ofWhenMethodPermitAllWithItsOwnScopeThenScopeOnly() throws Exception {
        assertEquals(Optional.of(new AccessRule(false, Set.of(), List.of("read"))), rule(Guarded.class, "openButScoped"));
    }

    @Test
    void ofWhenMethodDenyAllThenDenied() throws Exception {
        assertTrue(rule(Guarded.class, "closed").orElseThrow().denyAll());
    }

    @Test
    void ofWhenMethodScopesThenTheyReplaceTheClassScopes() throws Exception {
        assertEquals(List.of("a", "b"), rule(Guarded.class, "ownScopes").orElseThrow().scopes());
    }

    @Test
    void ofWhenNoAnnotationsThenNoRule() throws Exception {
        assertEquals(Optional.empty(), rule(Plain.class, "nothing"));
    }

    @Test
    void ofWhenRolesAllowedNamesNoRoleThenDenied() throws Exception {
        assertTrue(rule(Plain.class, "nobody").orElseThrow().denyAll());
    }

    @Test
    void ofWhenClassDenyAllThenDeniedUnlessMethodSaysOtherwise() throws Exception {
        assertTrue(rule(Closed.class, "inherits").orElseThrow().denyAll());
        assertEquals(Optional.of(new AccessRule(false, Set.of("itil"), List.of())), rule(Closed.class, "reopened"));
    }

    @Test
    void ofWhenScopeListEmptyOrNameBlankThenDeploymentError() {
        assertThrows(IllegalStateException.class, () -> rule(Plain.class, "noScope"));
        assertThrows(IllegalStateException.class, () -> rule(Plain.class, "spaced"));
    }
}
