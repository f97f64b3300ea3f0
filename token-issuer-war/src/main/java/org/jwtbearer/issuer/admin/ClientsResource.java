package org.jwtbearer.issuer.admin;

import java.io.InputStream;
import java.net.URI;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.jwtbearer.issuer.bootstrap.BootstrapDocument;
import org.jwtbearer.issuer.client.ClientAdministration;
import org.jwtbearer.issuer.client.ClientAdministration.ClientSnapshot;
import org.jwtbearer.issuer.client.ClientDefinition;
import org.jwtbearer.issuer.client.ClientRepresentation;
import org.jwtbearer.issuer.client.RegistryException;
import org.jwtbearer.issuer.client.SecretUpdate;

/**
 * {@code /admin/clients}: registered clients in the registry file's shape. POST creates, PATCH changes
 * (RFC 7396 merge patch: members present replace, {@code null} restores the default), DELETE removes;
 * {@code active: false} deactivates. Keys have their own collection, for rotation without resending the
 * client. Access: the {@code admin} role (web.xml).
 */
@Path("admin/clients")
@ApplicationScoped
public class ClientsResource {

    @Inject
    ClientAdministration clients;

    @GET
    public Response list(@QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit) {
        Paging paging = Paging.of(offset, limit);
        return AdminJson.list(clients.list(paging.offset(), paging.limit()), clients.count());
    }

    @GET
    @Path("{clientId}")
    public Response get(@PathParam("clientId") String clientId) {
        ClientSnapshot client = clients.get(clientId).orElseThrow(() -> RegistryException.notFound("client " + clientId));
        return AdminJson.result(200, client.shown(), client.version());
    }

    @POST
    public Response create(InputStream body, @Context HttpHeaders headers) {
        JsonObject json = AdminRequests.jsonObject(body, headers);
        refuseReadOnly(json);
        ClientDefinition definition = parse(() -> BootstrapDocument.parseClient(json, "client"));
        ClientSnapshot created = clients.create(definition);
        URI location = UriBuilder.fromPath("admin/clients/{id}").build(definition.clientId());
        return Response.fromResponse(AdminJson.result(201, created.shown(), created.version())).location(location).build();
    }

    @PATCH
    @Path("{clientId}")
    public Response update(@PathParam("clientId") String clientId, InputStream body, @Context HttpHeaders headers) {
        JsonObject patch = AdminRequests.jsonObject(body, headers);
        ClientSnapshot current = clients.get(clientId).orElseThrow(() -> RegistryException.notFound("client " + clientId));
        long expectedVersion = AdminRequests.expectedVersion(headers, patch, current.version());
        var changes = Json.createObjectBuilder(patch).remove(ClientRepresentation.VERSION).remove("client_secret").build();
        refuseReadOnly(changes);
        JsonValue merged = Json.createMergePatch(changes).apply(current.editable());
        SecretUpdate secret = secretUpdate(patch);
        // The secret takes part in validation (an HS* client needs one): the new one, or the kept HMAC key.
        java.util.Optional<String> secretValue = secret instanceof SecretUpdate.Replace replace
                ? replace.secret() : clients.keptHmacSecret(clientId);
        JsonObject proposed = secretValue
                .map(value -> Json.createObjectBuilder(merged.asJsonObject()).add("client_secret", value).build())
                .orElse(merged.asJsonObject());
        ClientDefinition definition = parse(() -> BootstrapDocument.parseClient(proposed, "client"));
        ClientSnapshot updated = clients.update(clientId, definition, secret, expectedVersion);
        return AdminJson.result(200, updated.shown(), updated.version());
    }

    @DELETE
    @Path("{clientId}")
    public Response delete(@PathParam("clientId") String clientId) {
        clients.delete(clientId);
        return Response.noContent().build();
    }

    @GET
    @Path("{clientId}/keys")
    public Response keys(@PathParam("clientId") String clientId) {
        var keys = clients.keys(clientId);
        return AdminJson.list(keys, keys.size());
    }

    @POST
    @Path("{clientId}/keys")
    public Response addKey(@PathParam("clientId") String clientId, InputStream body, @Context HttpHeaders headers) {
        JsonObject json = AdminRequests.jsonObject(body, headers);
        ClientDefinition.KeyDefinition key = parse(() -> BootstrapDocument.parseKey(json, "key"));
        JsonObject added = clients.addKey(clientId, key);
        String name = added.containsKey("kid") ? added.getString("kid") : added.getString("thumbprint");
        URI location = UriBuilder.fromPath("admin/clients/{id}/keys/{key}").build(clientId, name);
        return Response.fromResponse(AdminJson.result(201, added, null)).location(location).build();
    }

    @DELETE
    @Path("{clientId}/keys/{key}")
    public Response removeKey(@PathParam("clientId") String clientId, @PathParam("key") String key) {
        clients.removeKey(clientId, key);
        return Response.noContent().build();
    }

    /** {@code client_secret} absent keeps the stored secret, a string replaces it, {@code null} removes it. */
    private static SecretUpdate secretUpdate(JsonObject patch) {
        if (!patch.containsKey("client_secret")) {
            return SecretUpdate.keep();
        }
        JsonValue value = patch.get("client_secret");
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return SecretUpdate.replace(java.util.Optional.empty());
        }
        if (value instanceof JsonString s && !s.getString().isEmpty()) {
            return SecretUpdate.replace(java.util.Optional.of(s.getString()));
        }
        throw AdminRequests.invalid("client_secret must be a non-empty string, or null to remove the secret");
    }

    private static void refuseReadOnly(JsonObject json) {
        for (String readOnly : new String[] {ClientRepresentation.HAS_SECRET, ClientRepresentation.VERSION}) {
            if (json.containsKey(readOnly)) {
                throw AdminRequests.invalid(readOnly + " is read-only");
            }
        }
    }

    static <T> T parse(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw AdminRequests.invalid(e.getMessage());
        }
    }
}
