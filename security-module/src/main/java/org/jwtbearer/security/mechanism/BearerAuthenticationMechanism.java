package org.jwtbearer.security.mechanism;

import java.io.IOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtbearer.security.token.InvalidTokenException;
import org.jwtbearer.security.token.VerifiedAccessToken;

/**
 * Accepts the issuer's access tokens as {@code Authorization: Bearer} credentials (RFC 6750) and logs the
 * caller in with the token as principal and its {@code groups} as roles.
 *
 * <p>This class does only HTTP: it reads the header, delegates verification to {@link BearerVerification},
 * and answers with RFC 6750 challenges. A request without credentials to a public resource stays anonymous;
 * one with a bad token to a public resource stays anonymous too, since nothing there depends on who it is.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The request attribute holding the verified token, for {@link JsonWebTokenProducer}. */
    public static final String TOKEN_ATTRIBUTE = VerifiedAccessToken.class.getName();

    private static final Logger LOG = Logger.getLogger(BearerAuthenticationMechanism.class.getName());

    @Inject
    BearerVerification verification;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        boolean protectedResource = context.isProtected() && !context.isAuthenticationRequest();
        BearerCredential credential = BearerCredential.parse(Collections.list(request.getHeaders("Authorization")));
        try {
            if (credential instanceof BearerCredential.Token token) {
                return authenticate(token.value(), request, response, context, protectedResource);
            }
            if (credential instanceof BearerCredential.Malformed malformed && protectedResource) {
                FailureResponse.write(response, HttpServletResponse.SC_BAD_REQUEST,
                        BearerChallenge.error(verification.realm(), "invalid_request", malformed.description()),
                        "Bad Request", malformed.description());
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (protectedResource) {
                FailureResponse.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                        BearerChallenge.missing(verification.realm()),
                        "User Not Authenticated", "Required to provide Auth information");
                return AuthenticationStatus.SEND_FAILURE;
            }
            return context.doNothing();
        } catch (IOException e) {
            throw new AuthenticationException("cannot write the authentication challenge", e);
        }
    }

    private AuthenticationStatus authenticate(String token, HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context, boolean protectedResource) throws IOException {
        VerifiedAccessToken verified;
        try {
            verified = verification.verify(token);
        } catch (InvalidTokenException e) {
            LOG.log(Level.FINE, "Bearer token refused ({0}): {1}", new Object[] {e.reason(), e.getMessage()});
            if (!protectedResource) {
                return context.doNothing();
            }
            FailureResponse.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                    BearerChallenge.error(verification.realm(), "invalid_token", e.getMessage()),
                    "User Not Authenticated", "Required to provide Auth information");
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.setAttribute(TOKEN_ATTRIBUTE, verified);
        Set<String> groups = verified.getGroups();
        return context.notifyContainerAboutLogin(verified, groups == null ? Set.of() : new HashSet<>(groups));
    }
}
