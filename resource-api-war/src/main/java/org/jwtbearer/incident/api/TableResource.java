package org.jwtbearer.incident.api;

import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jwtbearer.incident.access.Caller;
import org.jwtbearer.incident.access.IncidentAccess;
import org.jwtbearer.incident.model.Incident;
import org.jwtbearer.incident.model.IncidentState;
import org.jwtbearer.incident.model.IncidentStore;
import org.jwtbearer.incident.query.EncodedQuery;
import org.jwtbearer.incident.query.EncodedQueryParser;

/**
 * The incident table, at {@code /api/now/table/incident} and {@code /api/now/v1/table/incident}, with
 * ServiceNow Table API semantics.
 */
@Path("{version: (v1/)?}table/incident")
@Produces(MediaType.APPLICATION_JSON)
public class TableResource {

    static final int MAX_LIMIT = 10_000;

    @Inject
    IncidentStore store;

    @Inject
    JsonWebToken token;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @Context
    SecurityContext security;

    @GET
    public Response list(@QueryParam("sysparm_limit") String limitParam, @QueryParam("sysparm_offset") String offsetParam,
                         @QueryParam("sysparm_fields") String fieldsParam, @QueryParam("sysparm_no_count") String noCount,
                         @QueryParam("sysparm_query") String query,
                         @QueryParam("sysparm_display_value") String displayValue) {
        rejectUnsupported(displayValue);
        EncodedQuery parsedQuery = EncodedQueryParser.parse(query);
        int limit = nonNegative("sysparm_limit", limitParam, MAX_LIMIT);
        int offset = nonNegative("sysparm_offset", offsetParam, 0);
        if (limit == 0 || limit > MAX_LIMIT) {
            throw TableApiException.badRequest("sysparm_limit must be from 1 to " + MAX_LIMIT);
        }
        List<String> fields = IncidentJson.selectFields(fieldsParam);
        boolean count = !"true".equalsIgnoreCase(noCount);
        IncidentStore.Page page = store.list(readScope(), parsedQuery, offset, limit, count);

        JsonArrayBuilder result = IncidentJson.JSON.createArrayBuilder();
        page.records().forEach(incident -> result.add(IncidentJson.toJson(incident, fields)));
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
    public Response get(@PathParam("sys_id") String sysId, @QueryParam("sysparm_fields") String fieldsParam,
                        @QueryParam("sysparm_display_value") String displayValue) {
        rejectUnsupported(displayValue);
        List<String> fields = IncidentJson.selectFields(fieldsParam);
        Incident incident = store.find(sysId, readScope())
                .orElseThrow(() -> TableApiException.notFound("Record doesn't exist or ACL restricts the record retrieval"));
        return Response.ok(IncidentJson.JSON.createObjectBuilder().add("result", IncidentJson.toJson(incident, fields)).build().toString())
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @QueryParam("sysparm_fields") String fieldsParam) {
        Caller caller = Caller.of(security, token);
        IncidentAccess.requireWrite(caller);
        List<String> fields = IncidentJson.selectFields(fieldsParam);
        IncidentInput input = IncidentInput.from(parseObject(body));
        int impact = input.impact().orElse(3);
        int urgency = input.urgency().orElse(3);
        Incident created = store.create(new IncidentStore.Draft(
                input.shortDescription().orElse(null), input.description().orElse(null),
                input.state().orElse(IncidentState.NEW), impact, urgency, input.category().orElse(null),
                input.callerId().orElse(caller.userName()), input.assignedTo().orElse(null)),
                caller.userName(), clock.instant());
        URI location = uri.getAbsolutePathBuilder().path(created.sysId).build();
        return Response.created(location)
                .entity(IncidentJson.JSON.createObjectBuilder().add("result", IncidentJson.toJson(created, fields)).build().toString())
                .build();
    }

    /** Callers without itil or admin read only the incidents they are the caller of. */
    private Optional<String> readScope() {
        Caller caller = Caller.of(security, token);
        return IncidentAccess.readsAll(caller) ? Optional.empty() : Optional.of(caller.userName());
    }

    /** Parameters this version does not implement are refused, never silently ignored: a filter that is ignored returns the whole table. */
    private static void rejectUnsupported(String displayValue) {
        if (displayValue != null && !displayValue.equalsIgnoreCase("false")) {
            throw TableApiException.badRequest("sysparm_display_value=" + displayValue + " is not supported by this version");
        }
    }

    private static int nonNegative(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        if (!value.strip().matches("\\d{1,9}")) {
            throw TableApiException.badRequest(name + " must be a non-negative whole number");
        }
        return Integer.parseInt(value.strip());
    }

    private static JsonObject parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw TableApiException.badRequest("The request body must be a JSON object");
        }
        try (JsonReader reader = IncidentJson.JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw TableApiException.badRequest("The request body must be a JSON object");
        }
    }
}
