package org.jwtbearer.issuer.grant;

import java.util.Optional;

/**
 * What the request said about the client: its id and how it proves itself — a secret (RFC 6749 §2.3.1), a
 * signed client assertion (RFC 7523 §2.2), or nothing — and the method's name.
 */
public record ClientCredentials(Optional<String> clientId, Optional<String> secret, Method method,
                                Optional<ClientAssertion> assertion) {

    /** The token endpoint authentication methods, with their RFC 8414 / RFC 7591 names. */
    public enum Method {
        CLIENT_SECRET_BASIC("client_secret_basic"), CLIENT_SECRET_POST("client_secret_post"),
        PRIVATE_KEY_JWT("private_key_jwt"), NONE("none");

        private final String registeredName;

        Method(String registeredName) {
            this.registeredName = registeredName;
        }

        public String registeredName() {
            return registeredName;
        }
    }

    public ClientCredentials {
        if ((method == Method.PRIVATE_KEY_JWT) != assertion.isPresent()) {
            throw new IllegalArgumentException("a client assertion comes with private_key_jwt and only with it");
        }
        if (assertion.isPresent() && secret.isPresent()) {
            throw new IllegalArgumentException("one authentication method per request");
        }
    }

    /** Secret-based or no credentials. */
    public ClientCredentials(Optional<String> clientId, Optional<String> secret, Method method) {
        this(clientId, secret, method, Optional.empty());
    }

    public static ClientCredentials none(Optional<String> clientId) {
        return new ClientCredentials(clientId, Optional.empty(), Method.NONE);
    }

    /** {@code clientId}: the client the request names, by its {@code client_id} or else by the assertion's {@code sub}. */
    public static ClientCredentials privateKeyJwt(String clientId, ClientAssertion assertion) {
        return new ClientCredentials(Optional.of(clientId), Optional.empty(), Method.PRIVATE_KEY_JWT, Optional.of(assertion));
    }
}
