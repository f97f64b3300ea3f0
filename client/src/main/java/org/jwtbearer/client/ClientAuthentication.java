package org.jwtbearer.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

import org.jwtbearer.security.assertion.JwtBearerAssertion;
import org.jwtbearer.security.assertion.SigningKey;

/**
 * How the client proves who it is at the token endpoint (RFC 6749 §2.3, RFC 7523 §2.2), next to the grant's
 * own assertion. ServiceNow and Box want {@link #clientSecretPost}, our issuer takes any of them, Salesforce
 * and Google none ({@link #none}).
 */
public sealed interface ClientAuthentication {

    /** The client id this authentication names, or null for none at all. */
    String clientId();

    /** Adds what this authentication sends to one token request. */
    void addTo(Map<String, String> form, HttpRequest.Builder request, URI tokenEndpoint, Clock clock);

    /** No client authentication; {@code client_id} is still sent when given (may be null). */
    static ClientAuthentication none(String clientId) {
        return new None(clientId);
    }

    /** {@code client_secret_basic}: id and secret in an HTTP Basic header. */
    static ClientAuthentication clientSecretBasic(String clientId, String secret) {
        return new SecretBasic(clientId, secret);
    }

    /** {@code client_secret_post}: id and secret as form parameters. */
    static ClientAuthentication clientSecretPost(String clientId, String secret) {
        return new SecretPost(clientId, secret);
    }

    /** {@code private_key_jwt}: a client assertion signed with {@code key}, for the token endpoint, living 60 s. */
    static ClientAuthentication privateKeyJwt(String clientId, SigningKey key) {
        return new PrivateKeyJwt(clientId, key, Duration.ofSeconds(60));
    }

    record None(String clientId) implements ClientAuthentication {
        @Override
        public void addTo(Map<String, String> form, HttpRequest.Builder request, URI tokenEndpoint, Clock clock) {
            if (clientId != null) {
                form.put("client_id", clientId);
            }
        }
    }

    record SecretBasic(String clientId, String secret) implements ClientAuthentication {
        public SecretBasic {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public void addTo(Map<String, String> form, HttpRequest.Builder request, URI tokenEndpoint, Clock clock) {
            // RFC 6749 §2.3.1: both halves are form-urlencoded before they are joined.
            String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String toString() {
            return "SecretBasic[clientId=" + clientId + ", secret=(hidden)]";
        }
    }

    record SecretPost(String clientId, String secret) implements ClientAuthentication {
        public SecretPost {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public void addTo(Map<String, String> form, HttpRequest.Builder request, URI tokenEndpoint, Clock clock) {
            form.put("client_id", clientId);
            form.put("client_secret", secret);
        }

        @Override
        public String toString() {
            return "SecretPost[clientId=" + clientId + ", secret=(hidden)]";
        }
    }

    record PrivateKeyJwt(String clientId, SigningKey key, Duration lifetime) implements ClientAuthentication {
        public static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

        public PrivateKeyJwt {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(key, "key");
        }

        @Override
        public void addTo(Map<String, String> form, HttpRequest.Builder request, URI tokenEndpoint, Clock clock) {
            // RFC 7523 §3: iss and sub are the client, aud the token endpoint; a fresh jti for every request.
            String assertion = JwtBearerAssertion.builder().issuer(clientId).subject(clientId)
                    .audience(tokenEndpoint.toString()).lifetime(lifetime).build().sign(key, clock);
            form.put("client_id", clientId);
            form.put("client_assertion_type", ASSERTION_TYPE);
            form.put("client_assertion", assertion);
        }

        @Override
        public String toString() {
            return "PrivateKeyJwt[clientId=" + clientId + ", kid=" + key.kid() + ", alg=" + key.algorithm() + "]";
        }
    }
}
