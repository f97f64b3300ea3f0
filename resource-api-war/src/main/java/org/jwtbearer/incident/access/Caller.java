package org.jwtbearer.incident.access;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the Table API needs it: the user name (for caller-only reads and {@code sys_*_by}),
 * the roles that matter here and the granted scopes. Name and roles come from the container's security
 * context — what the bearer mechanism logged the caller in with — and the scopes from the token.
 */
public record Caller(String userName, Set<String> roles, Set<String> scopes) {

    public static final String ROLE_ITIL = "itil";
    public static final String ROLE_ADMIN = "admin";

    public static Caller of(SecurityContext security, JsonWebToken token) {
        Set<String> roles = Stream.of(ROLE_ITIL, ROLE_ADMIN).filter(security::isUserInRole).collect(Collectors.toUnmodifiableSet());
        Object scope = token.getClaim("scope");
        Set<String> scopes = scope instanceof String s && !s.isBlank() ? Set.of(s.trim().split("\\s+")) : Set.of();
        return new Caller(security.getUserPrincipal().getName(), roles, scopes);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
