package org.jwtbearer.security.authorization;

import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

/**
 * Declares the roles {@link DeclaredRoles} found to the servlet container as the application starts (the only
 * time roles may be declared), so that {@code isUserInRole} and {@code @RolesAllowed} on servlets, EJBs and JAX-RS
 * resources see the token's groups as roles on every server, as they would with the roles listed in a
 * {@code web.xml}.
 */
public class RoleDeclaration implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(RoleDeclaration.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        DeclaredRoles declared;
        try {
            declared = CDI.current().getBeanManager().getExtension(DeclaredRoles.class);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // No CDI in this web module, or the extension is not ours to find there: nothing was collected.
            LOG.log(Level.FINE, "No roles to declare in {0}: {1}", new Object[] {context.getContextPath(), e.getMessage()});
            return;
        }
        Set<String> roles = declared.roles();
        if (!roles.isEmpty()) {
            context.declareRoles(roles.toArray(String[]::new));
        }
    }
}
