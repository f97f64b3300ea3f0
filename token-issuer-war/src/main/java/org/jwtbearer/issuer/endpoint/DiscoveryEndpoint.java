package org.jwtbearer.issuer.endpoint;

import java.util.List;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.issuer.grant.JwtBearerGrant;
import org.jwtbearer.security.jose.SignatureAlgorithms;

/** RFC 8414 authorization server metadata: only what this server really does. */
@Path(".well-known/oauth-authorization-server")
@ApplicationScoped
public class DiscoveryEndpoint {

    @Inject
    IssuerSettings settings;

    /** Introspection and revocation take no unauthenticated ("none") callers: ClientAuthenticator.authenticateNamed. */
    static final List<String> CLIENT_AUTHENTICATION_METHODS = List.of(
            "client_secret_basic", "client_secret_post", "private_key_jwt");

    private String metadata;

    /** The metadata only changes with the settings: built once. */
    @PostConstruct
    void build() {
        metadata = Json.createObjectBuilder()
                .add("issuer", settings.issuer())
                .add("token_endpoint", settings.tokenEndpoint())
                .add("jwks_uri", settings.jwksEndpoint())
                .add("grant_types_supported", array(List.of(JwtBearerGrant.GRANT_TYPE)))
                // RFC 8414 requires the member; this server has no authorization endpoint, so no response types.
                .add("response_types_supported", array(List.of()))
                .add("token_endpoint_auth_methods_supported", array(List.of(
                        "client_secret_basic", "client_secret_post", "private_key_jwt", "none")))
                // For private_key_jwt client assertions: asymmetric algorithms only (HMAC would be client_secret_jwt).
                .add("token_endpoint_auth_signing_alg_values_supported", array(SignatureAlgorithms.ASYMMETRIC))
                .add("scopes_supported", array(List.of("useraccount")))
                // HS* only for a client registered for them, with its secret as the key.
                .add("jwt_bearer_assertion_signing_alg_values_supported", array(Stream.concat(
                        SignatureAlgorithms.ASYMMETRIC.stream(), SignatureAlgorithms.HMAC.stream()).toList()))
                .add("introspection_endpoint", settings.introspectionEndpoint())
                .add("introspection_endpoint_auth_methods_supported", array(CLIENT_AUTHENTICATION_METHODS))
                .add("revocation_endpoint", settings.revocationEndpoint())
                .add("revocation_endpoint_auth_methods_supported", array(CLIENT_AUTHENTICATION_METHODS))
                .build().toString();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response metadata() {
        return Response.ok(metadata).header("Cache-Control", "max-age=300").build();
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
