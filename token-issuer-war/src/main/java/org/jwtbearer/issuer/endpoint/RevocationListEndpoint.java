package org.jwtbearer.issuer.endpoint;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jwtbearer.issuer.grant.ClientAuthenticator;
import org.jwtbearer.issuer.grant.OAuthError;
import org.jwtbearer.issuer.grant.OAuthException;
import org.jwtbearer.issuer.revocation.RevocationListReader;
import org.jwtbearer.issuer.revocation.TokenNotBefore;

/**
 * {@code POST /oauth2/revocations}: what the resource servers need to refuse revoked tokens without asking about each
 * one — the SHA-256 of every revoked token's {@code jti} with its {@code exp}, and the instant before which the
 * tokens of each deactivated or deleted client ({@code client_id}) or user ({@code sub}) are refused.
 *
 * <p>For authenticated clients, as introspection: the list names clients and users and when they were turned off,
 * which nobody outside should learn (the token endpoint takes care not to tell which clients exist).
 *
 * <p>Without {@code since} the answer is the whole list ({@code "complete":true}); with the {@code cursor} of an
 * earlier answer, the entries changed since then. Each such answer goes back {@link #OVERLAP} before the cursor:
 * a revocation written by a node whose clock runs behind, or committed late by a slow transaction, carries an
 * instant before the cursor and would otherwise be missed; an entry applied twice changes nothing. Entries whose
 * tokens have all expired are left out, so the answer stays as small as the set of live revoked tokens.
 */
@Path("oauth2/revocations")
@ApplicationScoped
public class RevocationListEndpoint {

    static final Duration OVERLAP = Duration.ofSeconds(60);
    private static final Pattern CURSOR = Pattern.compile("[0-9]{1,18}");
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    ClientAuthenticator authenticator;

    @Inject
    RevocationListReader reader;

    @Inject
    Clock clock;

    @POST
    public Response list(InputStream body, @Context HttpHeaders headers) {
        Instant now = clock.instant();
        try {
            AuthenticatedForm request = AuthenticatedForm.read(body, headers, authenticator);
            Optional<Long> since = request.form().get("since").map(RevocationListEndpoint::cursor);
            long from = since.map(s -> Math.max(0, s - OVERLAP.toMillis())).orElse(0L);
            RevocationListReader.Listing listing = reader.changedSince(from, now.getEpochSecond());
            return Response.ok(render(listing, now, since.isEmpty()).toString(), ResponseFormat.JSON.mediaType())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("Pragma", "no-cache")
                    .build();
        } catch (OAuthException e) {
            return OAuthAnswers.error(e, ResponseFormat.JSON, AuthenticatedForm.basicUsed(headers));
        }
    }

    private static long cursor(String since) {
        if (!CURSOR.matcher(since).matches()) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "since must be the cursor of an earlier answer", "cursor_malformed");
        }
        return Long.parseLong(since);
    }

    static JsonObject render(RevocationListReader.Listing listing, Instant now, boolean complete) {
        JsonArrayBuilder tokens = JSON.createArrayBuilder();
        listing.tokens().forEach(t -> tokens.add(JSON.createObjectBuilder().add("jti_sha256", t.jtiHash()).add("exp", t.exp())));
        JsonArrayBuilder clients = JSON.createArrayBuilder();
        JsonArrayBuilder users = JSON.createArrayBuilder();
        for (RevocationListReader.NotBefore n : listing.notBefores()) {
            boolean client = TokenNotBefore.CLIENT.equals(n.kind());
            (client ? clients : users).add(JSON.createObjectBuilder().add(client ? "client_id" : "sub", n.subject())
                    .add("not_before", n.notBefore()).add("exp", n.exp()));
        }
        return JSON.createObjectBuilder()
                .add("cursor", String.valueOf(now.toEpochMilli()))
                .add("complete", complete)
                .add("tokens", tokens)
                .add("clients", clients)
                .add("users", users)
                .build();
    }
}
