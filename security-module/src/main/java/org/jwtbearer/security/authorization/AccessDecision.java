package org.jwtbearer.security.authorization;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The outcome of checking a caller against an {@link AccessRule}. */
public sealed interface AccessDecision {

    record Allowed() implements AccessDecision {
    }

    /** Nobody is logged in and the rule needs someone: 401. */
    record NotAuthenticated() implements AccessDecision {
    }

    /** The token lacks a required scope: 403 {@code insufficient_scope}, naming {@code required}. */
    record InsufficientScope(List<String> required) implements AccessDecision {
    }

    /** The caller has none of the allowed roles, or nobody may call: 403. */
    record Forbidden(String reason) implements AccessDecision {
    }

    /**
     * In this order: {@code @DenyAll} refuses everyone; an anonymous caller gets the chance to authenticate;
     * scopes come before roles, since a token with more scope is what the client can get by itself.
     */
    static AccessDecision decide(AccessRule rule, Principal caller, Predicate<String> inRole, Set<String> grantedScopes) {
        if (rule.denyAll()) {
            return new Forbidden("Nobody may call this resource");
        }
        if (rule.requiresAuthentication() && caller == null) {
            return new NotAuthenticated();
        }
        if (!grantedScopes.containsAll(rule.scopes())) {
            return new InsufficientScope(rule.scopes());
        }
        if (!rule.roles().isEmpty() && rule.roles().stream().noneMatch(inRole)) {
            return new Forbidden("The caller has none of the roles this resource requires");
        }
        return new Allowed();
    }
}
