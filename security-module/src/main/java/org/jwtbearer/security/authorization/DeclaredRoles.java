package org.jwtbearer.security.authorization;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;

/**
 * Collects the role names of the application's {@code @RolesAllowed} annotations, on classes and methods, for
 * {@link RoleDeclaration} to declare to the servlet container. The token's {@code groups} become the caller's
 * groups; some containers (Payara) map a group to a role only when the application declares that role, and an
 * application written for MicroProfile JWT declares none.
 */
public class DeclaredRoles implements Extension {

    private final Set<String> roles = new TreeSet<>();

    <T> void collect(@Observes @WithAnnotations(RolesAllowed.class) ProcessAnnotatedType<T> type) {
        add(type.getAnnotatedType().getAnnotation(RolesAllowed.class));
        for (AnnotatedMethod<? super T> method : type.getAnnotatedType().getMethods()) {
            add(method.getAnnotation(RolesAllowed.class));
        }
    }

    private synchronized void add(RolesAllowed rolesAllowed) {
        if (rolesAllowed != null) {
            // "**" (any authenticated caller) and "*" are not role names.
            Arrays.stream(rolesAllowed.value()).filter(role -> !role.isBlank() && !role.equals("*") && !role.equals("**"))
                    .forEach(roles::add);
        }
    }

    /** The role names found, sorted. */
    public synchronized Set<String> roles() {
        return Set.copyOf(roles);
    }
}
