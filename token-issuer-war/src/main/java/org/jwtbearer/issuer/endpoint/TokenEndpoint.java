package org.jwtbearer.issuer.endpoint;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jwtbearer.issuer.audit.AuditLog;
import org.jwtbearer.issuer.audit.AuditTrail;
import org.jwtbearer.issuer.grant.JwtBearerGrant;
import org.jwtbearer.issuer.grant.OAuthError;
import org.jwtbearer.issuer.grant.OAuthException;
import org.jwtbearer.issuer.grant.TokenRequest;
import org.jwtbearer.issuer.grant.TokenResult;
import org.jwtbearer.database.outage.DatabaseUnavailable;
import org.jwtbearer.database.outage.OutageLog;

/**
 * {@code POST /oauth_token.do} and {@code POST /oauth2/token}: reads the form, works out the client's
 * credentials, dispatches on {@code grant_type}, and writes the RFC 6749 §5.1 or §5.2 answer. No assertion
 * logic lives here.
 */
@Path("")
@ApplicationScoped
public class TokenEndpoint {

    private static final Logger LOG = Logger.getLogger(TokenEndpoint.class.getName());

    @Inject
    JwtBearerGrant jwtBearerGrant;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    /** For outages the grant's own store calls did not name (they answer 503 themselves, see StoreCalls). */
    OutageLog outages = new OutageLog(LOG);

    @POST
    @Path("oauth_token.do")
    public Response serviceNowToken(InputStream body, @Context HttpHeaders headers, @Context HttpServletRequest request) {
        return token(body, headers, request);
    }

    @POST
    @Path("oauth2/token")
    public Response token(InputStream body, @Context HttpHeaders headers, @Context HttpServletRequest request) {
        Instant now = clock.instant();
        AuditTrail audit = new AuditTrail(now, (String) request.getAttribute(RequestIds.PROPERTY), request.getRemoteAddr());
        ResponseFormat format = ResponseFormat.JSON;
        boolean basicUsed = false;
        try {
            FormParameters form = FormParameters.read(body, headers);
            format = form.get("format").map(f -> ResponseFormat.named(f).orElseThrow(() -> new OAuthException(
                    OAuthError.INVALID_REQUEST, "format must be json, urlencoded or xml", "format_unknown")))
                    .orElse(ResponseFormat.JSON);
            String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
            // Decided before parsing: a malformed Basic header is answered with the Basic challenge too.
            basicUsed = BasicCredentials.isBasic(authorization);
            TokenRequest tokenRequest = TokenRequestReader.read(form, authorization, now);
            audit.clientAuthentication(tokenRequest.credentials().method().registeredName());
            TokenResult result = jwtBearerGrant.handle(tokenRequest, audit);
            auditLog.write(audit.outcome("issued", null, null));
            return OAuthAnswers.answer(200, format, ResponseFormat.members(
                    "access_token", result.accessToken(),
                    "token_type", TokenResult.TOKEN_TYPE,
                    "expires_in", result.expiresIn(),
                    "scope", result.scope().isEmpty() ? null : result.scope())).build();
        } catch (OAuthException e) {
            auditLog.write(audit.outcome(e.error().status() >= 500 ? "failed" : "refused", e.error().code(), e.reason()));
            return OAuthAnswers.error(e, format, basicUsed);
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                outages.report(e);
                OAuthException unavailable = OAuthException.temporarilyUnavailable("database_unavailable");
                auditLog.write(audit.outcome("failed", unavailable.error().code(), unavailable.reason()));
                return OAuthAnswers.error(unavailable, format, basicUsed);
            }
            LOG.log(Level.SEVERE, "Token request " + audit.requestId() + " failed", e);
            auditLog.write(audit.outcome("failed", OAuthError.SERVER_ERROR.code(), "internal_error"));
            return OAuthAnswers.answer(500, format, ResponseFormat.members("error", OAuthError.SERVER_ERROR.code(),
                    "error_description", "The server could not handle the request; request id " + audit.requestId())).build();
        }
    }

}
