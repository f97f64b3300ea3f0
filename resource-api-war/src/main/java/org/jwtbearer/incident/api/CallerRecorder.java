package org.jwtbearer.incident.api;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.Claims;
import org.jwtbearer.incident.user.KnownUser;
import org.jwtbearer.incident.user.UserDirectory;

/**
 * Teaches the user directory who called: how references to that user are then displayed and linked.
 * A provider lives as long as the application, so the claims come as {@link ClaimValue}s, read per request.
 */
@Provider
public class CallerRecorder implements ContainerRequestFilter {

    @Inject
    @Claim(standard = Claims.upn)
    ClaimValue<Optional<String>> userName;

    @Inject
    @Claim(standard = Claims.sub)
    ClaimValue<Optional<String>> sysId;

    @Inject
    @Claim("name")
    ClaimValue<Optional<String>> displayName;

    @Inject
    UserDirectory directory;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() != null) {
            userName.getValue().ifPresent(user -> directory.learn(
                    new KnownUser(user, sysId.getValue().orElse(null), displayName.getValue().orElse(null))));
        }
    }
}
