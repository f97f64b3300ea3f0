package org.jwtbearer.security.mechanism;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.Config;
import org.jwtbearer.security.token.InvalidTokenException;
import org.jwtbearer.security.token.TokenCheckUnavailableException;
import org.jwtbearer.security.token.VerifiedAccessToken;

/**
 * Accepts the issuer's access tokens as bearer credentials (RFC 6750) and logs the caller in with the token
 * as principal and its {@code groups} as roles.
 *
 * <p>This class does only HTTP: {@link TokenExtractor} finds the token where {@link TokenLocations} says,
 * {@link BearerVerification} verifies it, and this class answers with RFC 6750 challenges. A request without
 * credentials to a public resource stays anonymous. A request that sends a token is answered by that token
 * wherever it goes: a bad token is {@code 401 invalid_token}, a malformed request {@code 400 invalid_request},
 * on public resources too, since a caller who meant to be known must not be served as a stranger (MicroProfile
 * JWT answers so as well). A token the verifier cannot check right now ({@link TokenCheckUnavailableException})
 * is answered 503 with {@code Retry-After}, never taken as a refusal.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The request attribute holding the verified token, for {@link JsonWebTokenProducer}. */
    public static final String TOKEN_ATTRIBUTE = VerifiedAccessToken.class.getName();

    private static final Logger LOG = Logger.getLogger(BearerAuthenticationMechanism.class.getName());

    @Inject
    BearerVerification verification;

    @Inject
    Config config;

    private TokenExtractor extractor;

    @PostConstruct
    void init() {
        extractor = new TokenExtractor(TokenLocations.from(config));
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        boolean protectedResource = context.isProtected() && !context.isAuthenticationRequest();
        BearerCredential credential = extractor.extract(request);
        try {
            if (credential instanceof BearerCredential.Token token) {
                return authenticate(token.value(), request, response, context);
            }
            if (credential instanceof BearerCredential.Malformed malformed) {
                return refuse(BearerRefusal.invalidRequest(malformed.description()), request, response);
            }
            if (protectedResource) {
                FailureResponse.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, BearerChallenge.missing(verification.realm()),
                        FailureResponse.NOT_AUTHENTICATED_MESSAGE, FailureResponse.NOT_AUTHENTICATED_DETAIL);
                return AuthenticationStatus.SEND_FAILURE;
            }
            return context.doNothing();
        } catch (IOException e) {
            throw new AuthenticationException("cannot write the authentication challenge", e);
        }
    }

    private AuthenticationStatus authenticate(String token, HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) throws IOException {
        VerifiedAccessToken verified;
        try {
            verified = verification.verify(token);
        } catch (InvalidTokenException e) {
            LOG.log(Level.FINE, "Bearer token refused ({0}): {1}", new Object[] {e.reason(), e.getMessage()});
            return refuse(BearerRefusal.invalidToken(e.getMessage()), request, response);
        } catch (TokenCheckUnavailableException e) {
            LOG.log(Level.FINE, "Bearer token not checked: {0}", e.getMessage());
            FailureResponse.unavailable(request, response, e.getMessage());
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.setAttribute(TOKEN_ATTRIBUTE, verified);
        Set<String> groups = verified.getGroups();
        return context.notifyContainerAboutLogin(verified, groups == null ? Set.of() : new HashSet<>(groups));
    }

    private AuthenticationStatus refuse(BearerRefusal refusal, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        FailureResponse.write(request, response, refusal.status(), refusal.challenge(verification.realm()), refusal.message(), refusal.detail());
        return AuthenticationStatus.SEND_FAILURE;
    }
}
