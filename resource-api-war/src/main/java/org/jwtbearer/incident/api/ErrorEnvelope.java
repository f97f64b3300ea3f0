package org.jwtbearer.incident.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** ServiceNow's failure body: {@code {"error":{"message":…,"detail":…},"status":"failure"}}. */
final class ErrorEnvelope {

    private ErrorEnvelope() {
    }

    static Response.ResponseBuilder response(int status, String message, String detail) {
        String body = IncidentJson.JSON.createObjectBuilder()
                .add("error", IncidentJson.JSON.createObjectBuilder().add("message", message).add("detail", detail == null ? "" : detail))
                .add("status", "failure")
                .build().toString();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    }
}
