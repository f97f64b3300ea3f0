package org.jwtbearer.issuer.endpoint;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jwtbearer.issuer.grant.ClientAuthenticator;
import org.jwtbearer.issuer.grant.OAuthException;
import org.jwtbearer.issuer.token.IssuedTokens;
import org.jwtbearer.security.token.VerifiedAccessToken;

/**
 * {@code POST /oauth2/introspect} (RFC 7662), for authenticated clients. A live access token of this issuer is
 * described; anything else — malformed, foreign, expired, revoked, an assertion or ID token — is just
 * {@code {"active":false}}, never an error, so the answer says nothing about why. Any authenticated client may
 * introspect any token: it has to hold the token to ask.
 */
@Path("oauth2/introspect")
@ApplicationScoped
public class IntrospectionEndpoint {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    ClientAuthenticator authenticator;

    @Inject
    IssuedTokens tokens;

    @Inject
    Clock clock;

    @POST
    public Response introspect(InputStream body, @Context HttpHeaders headers) {
        Instant now = clock.instant();
        try {
            AuthenticatedForm request = AuthenticatedForm.read(body, headers, authenticator);
            // token_type_hint is only a hint (RFC 7662 §2.1): this server has one kind of token, so it is not needed.
            JsonObject answer = tokens.active(request.token(), now).map(IntrospectionEndpoint::describe)
                    .orElseGet(() -> JSON.createObjectBuilder().add("active", false).build());
            return Response.ok(answer.toString(), ResponseFormat.JSON.mediaType())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("Pragma", "no-cache")
                    .build();
        } catch (OAuthException e) {
            return OAuthAnswers.error(e, ResponseFormat.JSON, AuthenticatedForm.basicUsed(headers));
        }
    }

    /** RFC 7662 §2.2 members, from the verified token. */
    static JsonObject describe(VerifiedAccessToken token) {
        JsonObjectBuilder answer = JSON.createObjectBuilder().add("active", true);
        addString(answer, "scope", token.getClaim("scope"));
        addString(answer, "client_id", token.getClaim("client_id"));
        addString(answer, "username", token.getClaim("upn"));
        answer.add("token_type", "Bearer");
        addNumber(answer, "exp", token.getClaim("exp"));
        addNumber(answer, "iat", token.getClaim("iat"));
        addNumber(answer, "nbf", token.getClaim("nbf"));
        addString(answer, "sub", token.getClaim("sub"));
        Set<String> audiences = token.getClaim("aud");
        if (audiences != null && audiences.size() == 1) {
            answer.add("aud", audiences.iterator().next());
        } else if (audiences != null) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            audiences.stream().sorted().forEach(array::add);
            answer.add("aud", array);
        }
        addString(answer, "iss", token.getClaim("iss"));
        addString(answer, "jti", token.getClaim("jti"));
        return answer.build();
    }

    private static void addString(JsonObjectBuilder answer, String name, Object value) {
        if (value instanceof String text) {
            answer.add(name, text);
        }
    }

    private static void addNumber(JsonObjectBuilder answer, String name, Object value) {
        if (value instanceof Number number) {
            answer.add(name, number.longValue());
        }
    }
}
