package org.jwtbearer.security.mechanism;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jwtbearer.security.token.VerifiedAccessToken;

/**
 * Makes {@code @Inject JsonWebToken} work: the token the mechanism verified for this request, or an empty
 * token without claims when the caller is anonymous.
 *
 * <p>The token is taken from the request rather than from the container's caller principal, because not
 * every server hands back the very principal object the mechanism logged in with.
 */
@ApplicationScoped
public class JsonWebTokenProducer {

    private static final JsonWebToken ANONYMOUS = new VerifiedAccessToken(null, Map.of());

    @Inject
    HttpServletRequest request;

    @Produces
    @RequestScoped
    JsonWebToken currentToken() {
        return request.getAttribute(BearerAuthenticationMechanism.TOKEN_ATTRIBUTE) instanceof JsonWebToken token
                ? token : ANONYMOUS;
    }
}
