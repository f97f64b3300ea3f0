package org.jwtbearer.issuer.endpoint;

import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jwtbearer.issuer.grant.OAuthError;
import org.jwtbearer.issuer.grant.OAuthException;
import org.jwtbearer.security.http.ErrorDescription;

/** Answers of the OAuth endpoints: never cached (RFC 6749 §5.1), errors shaped as RFC 6749 §5.2. */
public final class OAuthAnswers {

    public static final String BASIC_CHALLENGE = "Basic realm=\"jwtbearer\", charset=\"UTF-8\"";
    /** When a client may try again after a 503: long enough for a database restart to be noticed, short enough to matter. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private OAuthAnswers() {
    }

    public static Response.ResponseBuilder answer(int status, ResponseFormat format, Map<String, Object> members) {
        return Response.status(status)
                .type(format.mediaType())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .entity(format.encode(members));
    }

    /**
     * The §5.2 error; {@code invalid_client} after a Basic attempt carries the Basic challenge (RFC 6749 §5.2),
     * {@code temporarily_unavailable} says when to try again (RFC 9110 §10.2.3).
     */
    public static Response error(OAuthException e, ResponseFormat format, boolean basicUsed) {
        Response.ResponseBuilder response = answer(e.error().status(), format, ResponseFormat.members(
                "error", e.error().code(), "error_description", ErrorDescription.of(e.description())));
        if (e.error() == OAuthError.INVALID_CLIENT && basicUsed) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
        }
        if (e.error() == OAuthError.TEMPORARILY_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.build();
    }
}
