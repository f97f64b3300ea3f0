package org.jwtbearer.issuer.admin;

import java.io.InputStream;
import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
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
import org.jwtbearer.issuer.client.RegistryException;
import org.jwtbearer.issuer.user.UserAdministration;
import org.jwtbearer.issuer.user.UserAdministration.UserSnapshot;
import org.jwtbearer.issuer.user.UserDefinition;

/**
 * {@code /admin/users}, named by {@code user_name}: POST creates, PATCH changes (merge patch), DELETE
 * removes; {@code active: false} or {@code locked_out: true} stop new tokens for the user.
 */
@Path("admin/users")
@ApplicationScoped
public class UsersResource {

    @Inject
    UserAdministration users;

    @GET
    public Response list(@QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("100") int limit) {
        Paging paging = Paging.of(offset, limit);
        return AdminJson.list(users.list(paging.offset(), paging.limit()), users.count());
    }

    @GET
    @Path("{userName}")
    public Response get(@PathParam("userName") String userName) {
        UserSnapshot user = users.get(userName).orElseThrow(() -> RegistryException.notFound("user " + userName));
        return AdminJson.result(200, user.shown(), user.version());
    }

    @POST
    public Response create(InputStream body, @Context HttpHeaders headers) {
        JsonObject json = AdminRequests.jsonObject(body, headers);
        if (json.containsKey("version")) {
            throw AdminRequests.invalid("version is read-only");
        }
        UserDefinition definition = ClientsResource.parse(() -> BootstrapDocument.parseUser(json, "user"));
        UserSnapshot created = users.create(definition);
        URI location = UriBuilder.fromPath("admin/users/{name}").build(definition.userName());
        return Response.fromResponse(AdminJson.result(201, created.shown(), created.version())).location(location).build();
    }

    @PATCH
    @Path("{userName}")
    public Response update(@PathParam("userName") String userName, InputStream body, @Context HttpHeaders headers) {
        JsonObject patch = AdminRequests.jsonObject(body, headers);
        UserSnapshot current = users.get(userName).orElseThrow(() -> RegistryException.notFound("user " + userName));
        long expectedVersion = AdminRequests.expectedVersion(headers, patch, current.version());
        JsonValue merged = Json.createMergePatch(Json.createObjectBuilder(patch).remove("version").build()).apply(current.editable());
        UserDefinition definition = ClientsResource.parse(() -> BootstrapDocument.parseUser(merged.asJsonObject(), "user"));
        UserSnapshot updated = users.update(userName, definition, expectedVersion);
        return AdminJson.result(200, updated.shown(), updated.version());
    }

    @DELETE
    @Path("{userName}")
    public Response delete(@PathParam("userName") String userName) {
        users.delete(userName);
        return Response.noContent().build();
    }
}
