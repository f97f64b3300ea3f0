package org.jwtbearer.security.token;

/**
 * A verifier cannot decide about a token right now, because something it depends on cannot be reached (the
 * database holding the revocation list, say). Not a verdict on the token: the bearer mechanism answers 503 with
 * {@code Retry-After}, so the client tries again later with the same token instead of discarding it as
 * {@code invalid_token}. Unchecked, so {@link TokenVerifier#verify} keeps its one checked refusal. The message
 * goes to the client.
 */
public class TokenCheckUnavailableException extends RuntimeException {

    public TokenCheckUnavailableException(String message) {
        super(message, null, false, false);
    }
}
