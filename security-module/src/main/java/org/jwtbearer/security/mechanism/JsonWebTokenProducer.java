package org.jwtbearer.security.mechanism;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Makes {@code @Inject JsonWebToken} work: the token the mechanism verified for this request, or
 * {@link AnonymousToken} when the caller is anonymous.
 *
 * <p>The token is taken from the request rather than from the container's caller principal, because not
 * every server hands back the very principal object the mechanism logged in with. The producer is typed to
 * {@code JsonWebToken} alone: offering {@code Principal} too would make an application's {@code @Inject Principal}
 * ambiguous with the container's built-in bean.
 */
@ApplicationScoped
public class JsonWebTokenProducer {

    @Inject
    HttpServletRequest request;

    @Produces
    @RequestScoped
    @Typed(JsonWebToken.class)
    JsonWebToken currentToken() {
        return request.getAttribute(BearerAuthenticationMechanism.TOKEN_ATTRIBUTE) instanceof JsonWebToken token
                ? token : AnonymousToken.INSTANCE;
    }
}
