package org.jwtbearer.security.authorization;

import java.util.Set;
import java.util.function.Supplier;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.jwtbearer.security.mechanism.BearerAuthenticationMechanism;
import org.jwtbearer.security.mechanism.BearerChallenge;
import org.jwtbearer.security.mechanism.FailureResponse;
import org.jwtbearer.security.token.VerifiedAccessToken;

/**
 * Enforces one resource method's {@link AccessRule} with what the bearer mechanism established: the
 * caller and roles of the JAX-RS {@link SecurityContext} and the scopes of the verified token (a caller whose token
 * was refused never gets here: the mechanism answered already). Request properties are the servlet request's
 * attributes in a servlet container (JAX-RS {@code ContainerRequestContext#getProperty}), so this works on
 * every JAX-RS implementation.
 */
final class AuthorizationFilter implements ContainerRequestFilter {

    private final AccessRule rule;
    private final Supplier<String> realm;

    AuthorizationFilter(AccessRule rule, Supplier<String> realm) {
        this.rule = rule;
        this.realm = realm;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        Set<String> scopes = request.getProperty(BearerAuthenticationMechanism.TOKEN_ATTRIBUTE) instanceof VerifiedAccessToken token
                ? token.scopes() : Set.of();
        AccessDecision decision = AccessDecision.decide(rule, security.getUserPrincipal(), security::isUserInRole, scopes);
        if (decision instanceof AccessDecision.NotAuthenticated) {
            request.abortWith(failure(401, BearerChallenge.missing(realm.get()), FailureResponse.NOT_AUTHENTICATED_MESSAGE,
                    FailureResponse.NOT_AUTHENTICATED_DETAIL));
        } else if (decision instanceof AccessDecision.InsufficientScope insufficient) {
            String scope = String.join(" ", insufficient.required());
            String detail = "The access token does not grant the scope " + scope;
            request.abortWith(failure(403, BearerChallenge.insufficientScope(realm.get(), scope, detail), "Insufficient scope", detail));
        } else if (decision instanceof AccessDecision.Forbidden forbidden) {
            request.abortWith(failure(403, null, "User Not Authorized", forbidden.reason()));
        }
    }

    private static Response failure(int status, String challenge, String message, String detail) {
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(FailureResponse.envelope(message, detail));
        if (challenge != null) {
            response.header("WWW-Authenticate", challenge);
        }
        return response.build();
    }
}
