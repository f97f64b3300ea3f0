package org.jwtbearer.incident.api;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jwtbearer.incident.access.IncidentAccess;
import org.jwtbearer.incident.user.SysUser;
import org.jwtbearer.incident.user.UserDirectory;
import org.jwtbearer.security.authorization.RequiresScope;

/**
 * The users incidents refer to, read-only, at {@code /api/now/table/sys_user}: where the {@code link} of a
 * {@code caller_id} or {@code assigned_to} reference leads. Fields: {@code sys_id}, {@code user_name}, {@code name}.
 */
@Path("{version: (v1/)?}table/sys_user")
@RequiresScope(IncidentAccess.REQUIRED_SCOPE)
@Produces(MediaType.APPLICATION_JSON)
public class SysUserResource {

    @Inject
    UserDirectory directory;

    @Context
    UriInfo uri;

    @GET
    public Response list(@QueryParam("sysparm_limit") String limitParam, @QueryParam("sysparm_offset") String offsetParam) {
        int limit = TableResource.wholeNumber("sysparm_limit", limitParam, TableResource.MAX_LIMIT, 1, TableResource.MAX_LIMIT);
        int offset = TableResource.wholeNumber("sysparm_offset", offsetParam, 0, 0, TableResource.MAX_OFFSET);
        JsonArrayBuilder result = IncidentJson.JSON.createArrayBuilder();
        directory.list(offset, limit).forEach(user -> result.add(toJson(user)));
        long total = directory.count();
        Response.ResponseBuilder response = Response.ok(IncidentJson.JSON.createObjectBuilder().add("result", result).build().toString())
                .header("X-Total-Count", total);
        String links = PaginationLinks.header(uri.getRequestUriBuilder(), offset, limit, total);
        return response.header("Link", links).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        SysUser user = directory.find(id)
                .orElseThrow(() -> TableApiException.notFound("Record doesn't exist or ACL restricts the record retrieval"));
        return Response.ok(IncidentJson.JSON.createObjectBuilder().add("result", toJson(user)).build().toString()).build();
    }

    private static JsonObjectBuilder toJson(SysUser user) {
        return IncidentJson.JSON.createObjectBuilder()
                .add("sys_id", user.sysId == null ? "" : user.sysId)
                .add("user_name", user.userName)
                .add("name", user.name == null ? "" : user.name);
    }
}
