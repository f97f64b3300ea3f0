package org.jwtbearer.issuer.admin;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jwtbearer.issuer.client.RegistryException;

/** Admin API failures as 400 / 404 / 409 with the same JSON envelope the Table API uses. */
@Provider
public class RegistryExceptionMapper implements ExceptionMapper<RegistryException> {

    @Override
    public Response toResponse(RegistryException e) {
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 400;
        };
        String message = switch (e.kind()) {
            case NOT_FOUND -> "No Record found";
            case CONFLICT -> "Conflict";
            case INVALID -> "Invalid request";
        };
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(AdminJson.failure(message, e.getMessage()).toString())
                .build();
    }
}
