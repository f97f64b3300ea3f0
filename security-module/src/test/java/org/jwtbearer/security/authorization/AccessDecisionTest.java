package org.jwtbearer.security.authorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

class AccessDecisionTest {

    private static final Principal ALICE = () -> "alice";
    private static final Predicate<String> ITIL = Set.of("itil")::contains;
    private static final Predicate<String> NO_ROLES = role -> false;

    private static final AccessRule ITIL_WITH_SCOPE = new AccessRule(false, Set.of("itil", "admin"), List.of("useraccount", "extra"));

    @Test
    void decideWhenRoleAndScopesThenAllowed() {
        assertInstanceOf(AccessDecision.Allowed.class,
                AccessDecision.decide(ITIL_WITH_SCOPE, ALICE, ITIL, Set.of("useraccount", "extra", "more")));
    }

    @Test
    void decideWhenAnonymousThenNotAuthenticated() {
        assertInstanceOf(AccessDecision.NotAuthenticated.class, AccessDecision.decide(ITIL_WITH_SCOPE, null, NO_ROLES, Set.of()));
        assertInstanceOf(AccessDecision.NotAuthenticated.class,
                AccessDecision.decide(new AccessRule(false, Set.of(), List.of("s")), null, NO_ROLES, Set.of()));
        assertInstanceOf(AccessDecision.NotAuthenticated.class,
                AccessDecision.decide(new AccessRule(false, Set.of("r"), List.of()), null, NO_ROLES, Set.of()));
    }

    @Test
    void decideWhenOneScopeMissingThenInsufficientScopeNamingAllRequired() {
        assertEquals(new AccessDecision.InsufficientScope(List.of("useraccount", "extra")),
                AccessDecision.decide(ITIL_WITH_SCOPE, ALICE, ITIL, Set.of("useraccount")));
    }

    @Test
    void decideWhenNoRoleThenForbidden() {
        assertInstanceOf(AccessDecision.Forbidden.class,
                AccessDecision.decide(ITIL_WITH_SCOPE, ALICE, NO_ROLES, Set.of("useraccount", "extra")));
    }

    @Test
    void decideWhenScopeOnlyThenAnyAuthenticatedCallerWithTheScope() {
        AccessRule scopeOnly = new AccessRule(false, Set.of(), List.of("useraccount"));
        assertInstanceOf(AccessDecision.Allowed.class, AccessDecision.decide(scopeOnly, ALICE, NO_ROLES, Set.of("useraccount")));
    }

    @Test
    void decideWhenDenyAllThenForbiddenEvenForEveryRole() {
        AccessRule deny = new AccessRule(true, Set.of(), List.of());
        assertInstanceOf(AccessDecision.Forbidden.class, AccessDecision.decide(deny, ALICE, role -> true, Set.of("useraccount")));
        assertInstanceOf(AccessDecision.Forbidden.class, AccessDecision.decide(deny, null, NO_ROLES, Set.of()));
    }
}
