package org.jwtbearer.client;

/** A token request that did not produce a token. */
public abstract sealed class JwtBearerClientException extends RuntimeException
        permits OAuthErrorException, TokenEndpointException {

    JwtBearerClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
