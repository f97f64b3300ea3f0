package org.jwtbearer.incident.api;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Everything else in the envelope too: JAX-RS's own refusals keep their status (and {@code Allow} header),
 * and an unexpected failure is a 500 whose body shows no internals.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            Response original = web.getResponse();
            String message = failure instanceof NotFoundException ? "Requested URI does not represent any resource"
                    : failure instanceof NotAllowedException ? "Method not Supported"
                    : failure instanceof NotSupportedException ? "Unsupported Media Type"
                    : original.getStatusInfo().getReasonPhrase();
            Response.ResponseBuilder response = ErrorEnvelope.response(original.getStatus(), message, "");
            original.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> response.header(name, v));
                }
            });
            return response.build();
        }
        LOG.log(Level.SEVERE, "Unexpected failure in the Table API", failure);
        return ErrorEnvelope.response(500, "Internal server error", "The request could not be completed").build();
    }
}
