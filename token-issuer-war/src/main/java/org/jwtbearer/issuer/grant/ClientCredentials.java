package org.jwtbearer.issuer.grant;

import java.util.Optional;

/**
 * What the request said about the client: its id and, when it authenticates with one, its secret, and
 * how they came (RFC 6749 §2.3.1).
 */
public record ClientCredentials(Optional<String> clientId, Optional<String> secret, Method method) {

    /** The token endpoint authentication methods, with their RFC 8414 / RFC 7591 names. */
    public enum Method {
        CLIENT_SECRET_BASIC("client_secret_basic"), CLIENT_SECRET_POST("client_secret_post"), NONE("none");

        private final String registeredName;

        Method(String registeredName) {
            this.registeredName = registeredName;
        }

        public String registeredName() {
            return registeredName;
        }
    }

    public static ClientCredentials none(Optional<String> clientId) {
        return new ClientCredentials(clientId, Optional.empty(), Method.NONE);
    }
}
