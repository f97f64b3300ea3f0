package org.jwtbearer.incident.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jwtbearer.incident.access.Caller;
import org.jwtbearer.incident.access.IncidentAccess;
import org.jwtbearer.security.mechanism.BearerChallenge;
import org.jwtbearer.security.mechanism.BearerVerification;

/** Every Table API call needs a token granting the {@code useraccount} scope: 403 {@code insufficient_scope} otherwise (RFC 6750 §3.1). */
@Provider
public class ScopeFilter implements ContainerRequestFilter {

    @Inject
    JsonWebToken token;

    @Inject
    BearerVerification verification;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!IncidentAccess.hasScope(Caller.of(request.getSecurityContext(), token))) {
            String detail = "The access token does not grant the scope " + IncidentAccess.REQUIRED_SCOPE;
            request.abortWith(ErrorEnvelope.response(403, "Insufficient scope", detail)
                    .header("WWW-Authenticate", BearerChallenge.insufficientScope(verification.realm(),
                            IncidentAccess.REQUIRED_SCOPE, detail))
                    .build());
        }
    }
}
