package org.jwtbearer.incident.access;

import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the Table API needs it: the user name (for caller-only reads and {@code sys_*_by}),
 * the roles and the granted scopes.
 */
public record Caller(String userName, Set<String> roles, Set<String> scopes) {

    public static final String ROLE_ITIL = "itil";
    public static final String ROLE_ADMIN = "admin";

    public static Caller of(JsonWebToken token) {
        Set<String> groups = token.getGroups();
        Object scope = token.getClaim("scope");
        Set<String> scopes = scope instanceof String s && !s.isBlank() ? Set.of(s.trim().split("\\s+")) : Set.of();
        return new Caller(token.getName(), groups == null ? Set.of() : Set.copyOf(groups), scopes);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
