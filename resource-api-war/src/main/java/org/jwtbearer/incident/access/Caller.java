package org.jwtbearer.incident.access;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.ws.rs.core.SecurityContext;

/**
 * Who is calling, as the Table API needs it: the user name (for caller-only reads and {@code sys_*_by}) and
 * the roles that matter here, as the container's security context has them — what the bearer mechanism
 * logged the caller in with. The scope is checked before any of this ({@code @RequiresScope}).
 */
public record Caller(String userName, Set<String> roles) {

    public static final String ROLE_ITIL = "itil";
    public static final String ROLE_ADMIN = "admin";

    public static Caller of(SecurityContext security) {
        Set<String> roles = Stream.of(ROLE_ITIL, ROLE_ADMIN).filter(security::isUserInRole).collect(Collectors.toUnmodifiableSet());
        return new Caller(security.getUserPrincipal().getName(), roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
