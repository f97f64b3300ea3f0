package org.jwtbearer.security.authorization;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

/**
 * What a resource method demands of its caller, from {@code @DenyAll}, {@code @PermitAll},
 * {@code @RolesAllowed} (Jakarta Annotations §3: the method's annotation wins over its class's) and
 * {@link RequiresScope}.
 *
 * @param denyAll nobody may call it ({@code @DenyAll}, or {@code @RolesAllowed} naming no role)
 * @param roles   the caller needs one of these roles; empty when roles do not matter
 * @param scopes  the token needs all of these scopes; empty when scopes do not matter
 */
public record AccessRule(boolean denyAll, Set<String> roles, List<String> scopes) {

    public AccessRule {
        roles = Set.copyOf(roles);
        scopes = List.copyOf(scopes);
    }

    /** Whether only an authenticated caller can get through. */
    public boolean requiresAuthentication() {
        return !roles.isEmpty() || !scopes.isEmpty();
    }

    /** The rule of a resource method, or empty when it carries none of the annotations (anyone may call it). */
    public static Optional<AccessRule> of(Class<?> resourceClass, Method method) {
        AnnotatedElement roleSource = hasRoleAnnotation(method) ? method : resourceClass;
        boolean denyAll = roleSource.isAnnotationPresent(DenyAll.class);
        Set<String> roles = Set.of();
        if (!denyAll && !roleSource.isAnnotationPresent(PermitAll.class) && roleSource.getAnnotation(RolesAllowed.class) != null) {
            roles = names(roleSource.getAnnotation(RolesAllowed.class).value(), "@RolesAllowed", method);
            denyAll = roles.isEmpty();
        }

        RequiresScope scope = method.getAnnotation(RequiresScope.class);
        if (scope == null && !method.isAnnotationPresent(PermitAll.class)) {
            scope = resourceClass.getAnnotation(RequiresScope.class);
        }
        List<String> scopes = List.of();
        if (scope != null) {
            scopes = List.copyOf(names(scope.value(), "@RequiresScope", method));
            if (scopes.isEmpty()) {
                throw new IllegalStateException("@RequiresScope names no scope on " + method);
            }
        }
        AccessRule rule = new AccessRule(denyAll, roles, scopes);
        return rule.denyAll() || rule.requiresAuthentication() ? Optional.of(rule) : Optional.empty();
    }

    private static boolean hasRoleAnnotation(Method method) {
        return method.isAnnotationPresent(DenyAll.class) || method.isAnnotationPresent(PermitAll.class)
                || method.isAnnotationPresent(RolesAllowed.class);
    }

    private static Set<String> names(String[] values, String annotation, Method method) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isBlank() || !value.strip().equals(value) || value.contains(" ")) {
                throw new IllegalStateException(annotation + " has a blank or space-containing name on " + method);
            }
            names.add(value);
        }
        return names;
    }
}
