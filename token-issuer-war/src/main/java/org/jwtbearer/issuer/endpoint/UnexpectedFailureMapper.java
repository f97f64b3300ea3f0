package org.jwtbearer.issuer.endpoint;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The last line: JAX-RS's own answers (404, 405, 415, …) pass through; anything else is logged and answered
 * as an OAuth {@code server_error} without a stack trace.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            return web.getResponse();
        }
        LOG.log(Level.SEVERE, "Unexpected failure", failure);
        return Response.serverError()
                .type("application/json")
                .header("Cache-Control", "no-store")
                .entity("{\"error\":\"server_error\",\"error_description\":\"The server could not handle the request\"}")
                .build();
    }
}
