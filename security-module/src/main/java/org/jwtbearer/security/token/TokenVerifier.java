package org.jwtbearer.security.token;

/**
 * Turns a bearer token into a verified access token, or refuses it. {@link AccessTokenVerifier} is the
 * standard one; an application may produce its own bean of this type (adding a revocation check, say) and
 * the bearer mechanism uses that instead.
 */
@FunctionalInterface
public interface TokenVerifier {

    VerifiedAccessToken verify(String token) throws InvalidTokenException;
}
