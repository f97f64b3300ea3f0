package org.jwtbearer.issuer.endpoint;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jwtbearer.issuer.admin.AdminJson;
import org.jwtbearer.issuer.grant.OAuthException;
import org.jwtbearer.database.outage.DatabaseUnavailable;
import org.jwtbearer.database.outage.OutageLog;

/**
 * The last line: JAX-RS's own answers (404, 405, 415, …) pass through, under {@code /admin} in its envelope; a database that cannot be reached is a
 * 503 with {@code Retry-After}, logged as one line at most every few seconds (a stack trace per request would
 * only bury the log while the database is down); anything else is logged and answered as an OAuth
 * {@code server_error} without a stack trace.
 *
 * <p>The 503 is {@code temporarily_unavailable} in the OAuth error shape, except under {@code /admin}, whose
 * failures all use the Table API's envelope (README, "The admin API"), the bearer mechanism's 503 included.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());
    private static final String ADMIN_PATH = "admin";

    @Context
    UriInfo uri;

    OutageLog outages = new OutageLog(LOG);

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            return underAdmin() ? AdminJson.refusal(web.getResponse()) : web.getResponse();
        }
        if (DatabaseUnavailable.isCause(failure)) {
            outages.report(failure);
            return underAdmin() ? AdminJson.unavailable(OAuthAnswers.RETRY_AFTER_SECONDS)
                    : OAuthAnswers.error(OAuthException.temporarilyUnavailable("database_unavailable"), ResponseFormat.JSON, false);
        }
        LOG.log(Level.SEVERE, "Unexpected failure", failure);
        return Response.serverError()
                .type("application/json")
                .header("Cache-Control", "no-store")
                .entity("{\"error\":\"server_error\",\"error_description\":\"The server could not handle the request\"}")
                .build();
    }

    private boolean underAdmin() {
        String path = uri == null ? "" : uri.getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.equals(ADMIN_PATH) || relative.startsWith(ADMIN_PATH + "/");
    }
}
