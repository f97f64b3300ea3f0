package org.jwtbearer.incident.api;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jwtbearer.database.outage.DatabaseUnavailable;
import org.jwtbearer.database.outage.OutageLog;

/**
 * Everything else in the envelope too: JAX-RS's own refusals keep their status (and {@code Allow} header); a
 * database that cannot be reached is a 503 with {@code Retry-After}, logged as one line at most every few
 * seconds (while it is down every request fails alike, and a stack trace each would bury the log); any other
 * unexpected failure is a 500 whose body shows no internals.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    static final String UNAVAILABLE_MESSAGE = "Service Unavailable";
    static final String UNAVAILABLE_DETAIL = "The database is not reachable; try again shortly";
    /** Long enough for a database restart to be noticed, short enough to matter to a client. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

    OutageLog outages = new OutageLog(LOG);

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            Response original = web.getResponse();
            Refusal refusal = refusal(web, original);
            Response.ResponseBuilder response = ErrorEnvelope.response(original.getStatus(), refusal.message(), refusal.detail());
            original.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> response.header(name, v));
                }
            });
            return response.build();
        }
        if (DatabaseUnavailable.isCause(failure)) {
            outages.report(failure);
            return ErrorEnvelope.response(503, UNAVAILABLE_MESSAGE, UNAVAILABLE_DETAIL)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.log(Level.SEVERE, "Unexpected failure in the Table API", failure);
        return ErrorEnvelope.response(500, "Internal server error", "The request could not be completed").build();
    }

    private record Refusal(String message, String detail) {
    }

    /** ServiceNow's messages for JAX-RS's own refusals, and a detail that says what the client can change. */
    private static Refusal refusal(WebApplicationException failure, Response original) {
        if (failure instanceof NotFoundException) {
            return new Refusal("Requested URI does not represent any resource",
                    "This API serves /api/now/table/incident and /api/now/table/sys_user");
        }
        if (failure instanceof NotAllowedException) {
            return new Refusal("Method not Supported", "The methods allowed here are " + String.join(", ", original.getAllowedMethods().stream().sorted().toList()));
        }
        if (failure instanceof NotSupportedException) {
            return new Refusal("Unsupported Media Type", "The request body must be application/json");
        }
        if (failure instanceof NotAcceptableException) {
            return new Refusal("Not Acceptable", "Answers are application/json only; accept it");
        }
        String reason = original.getStatusInfo().getReasonPhrase();
        return new Refusal(reason, reason);
    }
}
