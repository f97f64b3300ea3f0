package org.jwtbearer.incident.api;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.jwtbearer.incident.access.Caller;
import org.jwtbearer.incident.access.IncidentAccess;
import org.jwtbearer.incident.model.Incident;
import org.jwtbearer.incident.model.IncidentChange;
import org.jwtbearer.incident.model.IncidentState;
import org.jwtbearer.incident.model.IncidentStore;
import org.jwtbearer.incident.model.IncidentWrites;
import org.jwtbearer.incident.model.WriteOutcome;
import org.jwtbearer.incident.query.EncodedQuery;
import org.jwtbearer.incident.query.EncodedQueryParser;
import org.jwtbearer.incident.user.UserDirectory;
import org.jwtbearer.security.authorization.RequiresScope;

/**
 * The incident table, at {@code /api/now/table/incident} and {@code /api/now/v1/table/incident}, with
 * ServiceNow Table API semantics.
 */
@Path("{version: (v1/)?}table/incident")
@RequiresScope(IncidentAccess.REQUIRED_SCOPE)
@Produces(MediaType.APPLICATION_JSON)
public class TableResource {

    static final int MAX_LIMIT = 10_000;
    /** Far beyond any table this serves; keeps offset + limit inside an int. */
    static final int MAX_OFFSET = 999_999_999;

    @Inject
    IncidentStore store;

    @Inject
    IncidentWrites writes;

    @Inject
    Clock clock;

    @Inject
    UserDirectory directory;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @GET
    public Response list(@QueryParam("sysparm_limit") String limitParam, @QueryParam("sysparm_offset") String offsetParam,
                         @QueryParam("sysparm_no_count") String noCount, @QueryParam("sysparm_query") String query) {
        Rendering rendering = Rendering.from(uri.getQueryParameters());
        EncodedQuery parsedQuery = EncodedQueryParser.parse(query);
        int limit = wholeNumber("sysparm_limit", limitParam, MAX_LIMIT, 1, MAX_LIMIT);
        int offset = wholeNumber("sysparm_offset", offsetParam, 0, 0, MAX_OFFSET);
        boolean count = !"true".equalsIgnoreCase(noCount);
        IncidentStore.Page page = store.list(readScope(), parsedQuery, offset, limit, count);

        UserReferences users = users(page.records(), rendering);
        JsonArrayBuilder result = IncidentJson.JSON.createArrayBuilder();
        page.records().forEach(incident -> result.add(IncidentJson.toJson(incident, rendering, users)));
        Response.ResponseBuilder response = Response.ok(IncidentJson.JSON.createObjectBuilder().add("result", result).build().toString());
        if (count) {
            response.header("X-Total-Count", page.total());
            String links = PaginationLinks.header(uri.getRequestUriBuilder(), offset, limit, page.total());
            if (!links.isEmpty()) {
                response.header("Link", links);
            }
        }
        return response.build();
    }

    @GET
    @Path("{sys_id}")
    public Response get(@PathParam("sys_id") String sysId) {
        Rendering rendering = Rendering.from(uri.getQueryParameters());
        Incident incident = store.find(sysId, readScope())
                .orElseThrow(() -> TableApiException.notFound("Record doesn't exist or ACL restricts the record retrieval"));
        return Response.ok(single(incident, rendering)).tag(IncidentETag.of(incident)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ROLE_ITIL, Caller.ROLE_ADMIN})
    public Response create(InputStream body) {
        Caller caller = Caller.of(security);
        Rendering rendering = Rendering.from(uri.getQueryParameters());
        IncidentInput input = IncidentInput.from(JsonBody.readObject(body));
        int impact = input.impact().orElse(3);
        int urgency = input.urgency().orElse(3);
        Incident created = store.create(new IncidentStore.Draft(
                input.shortDescription().orElse(null), input.description().orElse(null),
                input.state().orElse(IncidentState.NEW), impact, urgency, input.category().orElse(null),
                input.callerId().orElse(caller.userName()), input.assignedTo().orElse(null)),
                caller.userName(), clock.instant());
        URI location = uri.getAbsolutePathBuilder().path(created.sysId).build();
        return Response.created(location).tag(IncidentETag.of(created)).entity(single(created, rendering)).build();
    }

    /** A {@code {"result":{…}}} body with one record. */
    private String single(Incident incident, Rendering rendering) {
        return IncidentJson.JSON.createObjectBuilder()
                .add("result", IncidentJson.toJson(incident, rendering, users(List.of(incident), rendering)))
                .build().toString();
    }

    /** Links to and names of the users the records refer to; names are looked up only when displayed. */
    private UserReferences users(List<Incident> records, Rendering rendering) {
        return new UserReferences(uri.getBaseUriBuilder().path("table/sys_user").build().toString(),
                directory.displayNames(IncidentJson.referencedUsers(records, rendering)));
    }

    /** Callers without itil or admin read only the incidents they are the caller of. */
    private Optional<String> readScope() {
        Caller caller = Caller.of(security);
        return IncidentAccess.readsAll(caller) ? Optional.empty() : Optional.of(caller.userName());
    }

    /**
     * A paging parameter: digits only, within its range. The message gives the range, also for a number too
     * long to be a Java int (it is still a whole number, just too large).
     */
    static int wholeNumber(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        String digits = value.strip();
        String significant = digits.replaceFirst("^0+(?=\\d)", "");
        // Beyond 18 significant digits a number is out of range whatever the range: no need to parse it.
        long number = digits.matches("\\d+") && significant.length() <= 18 ? Long.parseLong(significant) : -1;
        if (number < min || number > max) {
            throw TableApiException.badRequest(name + " must be a whole number from " + min + " to " + max);
        }
        return (int) number;
    }

    @PUT
    @Path("{sys_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ROLE_ITIL, Caller.ROLE_ADMIN})
    public Response replace(@PathParam("sys_id") String sysId, InputStream body, @Context HttpHeaders headers) {
        return update(sysId, body, headers);
    }

    /** PATCH and PUT are the same field-level merge, as in ServiceNow's Table API: fields the body leaves out keep their values. */
    @PATCH
    @Path("{sys_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ROLE_ITIL, Caller.ROLE_ADMIN})
    public Response update(@PathParam("sys_id") String sysId, InputStream body, @Context HttpHeaders headers) {
        Caller caller = Caller.of(security);
        Rendering rendering = Rendering.from(uri.getQueryParameters());
        Predicate<Incident> precondition = IfMatch.parse(headers.getRequestHeader(HttpHeaders.IF_MATCH));
        IncidentChange change = IncidentInput.from(JsonBody.readObject(body)).toChange();
        WriteOutcome outcome = writes.update(sysId, readScope(), precondition, change, caller.userName(), clock.instant());
        if (!(outcome instanceof WriteOutcome.Written written)) {
            return WriteAnswers.refusal(outcome);
        }
        Incident updated = written.incident();
        return Response.ok(single(updated, rendering)).tag(IncidentETag.of(updated)).build();
    }

    @DELETE
    @Path("{sys_id}")
    @RolesAllowed(Caller.ROLE_ADMIN)
    public Response delete(@PathParam("sys_id") String sysId, @Context HttpHeaders headers) {
        Predicate<Incident> precondition = IfMatch.parse(headers.getRequestHeader(HttpHeaders.IF_MATCH));
        WriteOutcome outcome = writes.delete(sysId, readScope(), precondition);
        return outcome instanceof WriteOutcome.Written ? Response.noContent().build() : WriteAnswers.refusal(outcome);
    }
}
