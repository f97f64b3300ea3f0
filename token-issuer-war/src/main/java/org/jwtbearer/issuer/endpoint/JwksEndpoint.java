package org.jwtbearer.issuer.endpoint;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.jwtbearer.issuer.keys.IssuerSigningKeys;

/**
 * The issuer's public signing keys (RFC 7517 JWK Set): the current key, the next one and the retired ones whose
 * tokens may still be live, so a resource server holds a key before the first token signed with it arrives. The
 * document is built when the keys change, never per request.
 */
@Path("oauth2/jwks")
@ApplicationScoped
public class JwksEndpoint {

    @Inject
    IssuerSigningKeys keys;

    @GET
    @Produces("application/jwk-set+json")
    public Response jwks() {
        return Response.ok(keys.publishedJwkSet()).header("Cache-Control", "max-age=300").build();
    }
}
