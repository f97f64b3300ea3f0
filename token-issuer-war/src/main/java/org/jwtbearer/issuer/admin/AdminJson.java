package org.jwtbearer.issuer.admin;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Admin API answers: {@code {"result": …}} like the Table API, never cached, with the version as ETag. */
public final class AdminJson {

    static final String UNAVAILABLE_MESSAGE = "Service Unavailable";
    static final String UNAVAILABLE_DETAIL = "The database is not reachable; try again shortly";

    private AdminJson() {
    }

    static Response result(int status, JsonValue result, Long version) {
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(Json.createObjectBuilder().add("result", result).build().toString());
        if (version != null) {
            response.tag(new EntityTag(Long.toString(version)));
        }
        return response.build();
    }

    static Response list(List<JsonObject> items, long total) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        items.forEach(array::add);
        return Response.ok(Json.createObjectBuilder().add("result", array).build().toString(), MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Total-Count", total)
                .build();
    }

    /** The database cannot be reached: 503 in the envelope every admin failure uses, and when to try again. */
    public static Response unavailable(int retryAfterSeconds) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .entity(failure(UNAVAILABLE_MESSAGE, UNAVAILABLE_DETAIL).toString())
                .build();
    }

    /**
     * JAX-RS's own refusal of an admin request (no such path, method or media type) in the admin envelope, with
     * a detail that says what to change; the {@code Allow} header of a 405 is kept.
     */
    public static Response refusal(Response original) {
        int status = original.getStatus();
        String reason = original.getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "There is no admin resource at this path";
            case 405 -> "The methods allowed here are " + String.join(", ", original.getAllowedMethods().stream().sorted().toList());
            case 406 -> "Answers are application/json only; accept it";
            case 415 -> "The request body must be JSON (Content-Type application/json or application/merge-patch+json)";
            default -> reason;
        };
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(failure(status == 404 ? "No Record found" : reason, detail).toString());
        if (status == 405) {
            response.allow(original.getAllowedMethods());
        }
        return response.build();
    }

    static JsonObject failure(String message, String detail) {
        return Json.createObjectBuilder()
                .add("error", Json.createObjectBuilder().add("message", message).add("detail", detail))
                .add("status", "failure")
                .build();
    }
}
