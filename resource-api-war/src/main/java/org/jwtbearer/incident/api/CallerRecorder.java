package org.jwtbearer.incident.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jwtbearer.incident.user.KnownUser;
import org.jwtbearer.incident.user.UserDirectory;

/** Teaches the user directory who called: how references to that user are then displayed and linked. */
@Provider
public class CallerRecorder implements ContainerRequestFilter {

    @Inject
    JsonWebToken token;

    @Inject
    UserDirectory directory;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() != null && token.getName() != null) {
            Object name = token.getClaim("name");
            directory.learn(new KnownUser(token.getName(), token.getSubject(), name instanceof String s ? s : null));
        }
    }
}
