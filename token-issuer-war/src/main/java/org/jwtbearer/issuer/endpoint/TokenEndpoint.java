package org.jwtbearer.issuer.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
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
import org.jwtbearer.issuer.grant.ClientCredentials;
import org.jwtbearer.issuer.grant.JwtBearerGrant;
import org.jwtbearer.issuer.grant.OAuthError;
import org.jwtbearer.issuer.grant.OAuthException;
import org.jwtbearer.issuer.grant.TokenRequest;
import org.jwtbearer.issuer.grant.TokenResult;

/**
 * {@code POST /oauth_token.do} and {@code POST /oauth2/token}: reads the form, works out the client's
 * credentials, dispatches on {@code grant_type}, and writes the RFC 6749 §5.1 or §5.2 answer. No assertion
 * logic lives here.
 */
@Path("")
@ApplicationScoped
public class TokenEndpoint {

    private static final Logger LOG = Logger.getLogger(TokenEndpoint.class.getName());
    /** Far above any honest request (the assertion itself is capped at 16 KiB), far below a memory risk. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String BASIC_CHALLENGE = "Basic realm=\"jwtbearer\", charset=\"UTF-8\"";

    @Inject
    JwtBearerGrant jwtBearerGrant;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

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
            FormParameters form = FormParameters.parse(readForm(body, headers));
            format = form.get("format").map(f -> ResponseFormat.named(f).orElseThrow(() -> new OAuthException(
                    OAuthError.INVALID_REQUEST, "format must be json, urlencoded or xml", "format_unknown")))
                    .orElse(ResponseFormat.JSON);
            String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
            // Decided before parsing: a malformed Basic header is answered with the Basic challenge too.
            basicUsed = BasicCredentials.isBasic(authorization);
            ClientCredentials credentials = credentials(form, BasicCredentials.parse(authorization));
            audit.clientAuthentication(credentials.method().registeredName());
            String grantType = form.get("grant_type").orElseThrow(() -> new OAuthException(
                    OAuthError.INVALID_REQUEST, "The grant_type parameter is required", "grant_type_missing"));
            if (!JwtBearerGrant.GRANT_TYPE.equals(grantType)) {
                throw new OAuthException(OAuthError.UNSUPPORTED_GRANT_TYPE,
                        "Only the grant type " + JwtBearerGrant.GRANT_TYPE + " is supported", "grant_type_unsupported");
            }
            TokenRequest tokenRequest = new TokenRequest(form.get("assertion").orElse(null), credentials, form.get("scope"), now);
            TokenResult result = jwtBearerGrant.handle(tokenRequest, audit);
            auditLog.write(audit.outcome("issued", null, null));
            return answer(200, format, ResponseFormat.members(
                    "access_token", result.accessToken(),
                    "token_type", TokenResult.TOKEN_TYPE,
                    "expires_in", result.expiresIn(),
                    "scope", result.scope().isEmpty() ? null : result.scope())).build();
        } catch (OAuthException e) {
            auditLog.write(audit.outcome("refused", e.error().code(), e.reason()));
            Response.ResponseBuilder response = answer(e.error().status(), format, ResponseFormat.members(
                    "error", e.error().code(), "error_description", e.description()));
            if (e.error() == OAuthError.INVALID_CLIENT && basicUsed) {
                response.header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
            }
            return response.build();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Token request " + audit.requestId() + " failed", e);
            auditLog.write(audit.outcome("failed", OAuthError.SERVER_ERROR.code(), "internal_error"));
            return answer(500, format, ResponseFormat.members("error", OAuthError.SERVER_ERROR.code(),
                    "error_description", "The server could not handle the request; request id " + audit.requestId())).build();
        }
    }

    /** Body credentials or Basic, never both (RFC 6749 §2.3: one authentication method per request). */
    private static ClientCredentials credentials(FormParameters form, Optional<BasicCredentials> basic) {
        if (form.get("client_assertion").isPresent() || form.get("client_assertion_type").isPresent()) {
            throw new OAuthException(OAuthError.INVALID_CLIENT,
                    "client_assertion authentication is not enabled on this server", "client_assertion_unsupported");
        }
        Optional<String> bodyId = form.get("client_id");
        Optional<String> bodySecret = form.get("client_secret");
        if (basic.isPresent()) {
            if (bodySecret.isPresent() || (bodyId.isPresent() && !bodyId.get().equals(basic.get().clientId()))) {
                throw new OAuthException(OAuthError.INVALID_REQUEST,
                        "Client credentials were sent both in the Authorization header and in the body", "credentials_twice");
            }
            return new ClientCredentials(Optional.of(basic.get().clientId()), Optional.of(basic.get().secret()),
                    ClientCredentials.Method.CLIENT_SECRET_BASIC);
        }
        if (bodySecret.isPresent()) {
            if (bodyId.isEmpty()) {
                throw new OAuthException(OAuthError.INVALID_REQUEST, "client_secret was sent without client_id", "client_id_missing");
            }
            return new ClientCredentials(bodyId, bodySecret, ClientCredentials.Method.CLIENT_SECRET_POST);
        }
        return ClientCredentials.none(bodyId);
    }

    private static String readForm(InputStream body, HttpHeaders headers) {
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).strip().startsWith("application/x-www-form-urlencoded")) {
            throw new OAuthException(OAuthError.INVALID_REQUEST,
                    "The request body must be application/x-www-form-urlencoded", "content_type");
        }
        if (headers.getLength() > MAX_BODY_BYTES) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The request body is too large", "body_too_large");
        }
        try {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new OAuthException(OAuthError.INVALID_REQUEST, "The request body is too large", "body_too_large");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The request body could not be read", "body_unreadable");
        }
    }

    private static Response.ResponseBuilder answer(int status, ResponseFormat format, java.util.Map<String, Object> members) {
        return Response.status(status)
                .type(format.mediaType())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .entity(format.encode(members));
    }
}
