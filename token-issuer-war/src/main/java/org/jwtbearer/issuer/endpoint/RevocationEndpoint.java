package org.jwtbearer.issuer.endpoint;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jwtbearer.issuer.grant.ClientAuthenticator;
import org.jwtbearer.issuer.grant.OAuthException;
import org.jwtbearer.issuer.token.TokenRevocation;

/** {@code POST /oauth2/revoke} (RFC 7009), for authenticated clients; what is revoked is {@link TokenRevocation}'s rule. */
@Path("oauth2/revoke")
@ApplicationScoped
public class RevocationEndpoint {

    @Inject
    ClientAuthenticator authenticator;

    @Inject
    TokenRevocation revocation;

    @Inject
    Clock clock;

    @POST
    public Response revoke(InputStream body, @Context HttpHeaders headers) {
        Instant now = clock.instant();
        try {
            AuthenticatedForm request = AuthenticatedForm.read(body, headers, authenticator);
            revocation.revoke(request.token(), request.client(), now);
            return Response.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
        } catch (OAuthException e) {
            return OAuthAnswers.error(e, ResponseFormat.JSON, AuthenticatedForm.basicUsed(headers));
        }
    }
}
