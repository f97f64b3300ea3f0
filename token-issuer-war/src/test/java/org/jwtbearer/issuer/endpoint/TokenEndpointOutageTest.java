package org.jwtbearer.issuer.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.jwtbearer.issuer.audit.AuditEvent;
import org.jwtbearer.issuer.audit.AuditLog;
import org.jwtbearer.issuer.audit.AuditTrail;
import org.jwtbearer.issuer.grant.JwtBearerGrant;
import org.jwtbearer.issuer.grant.OAuthException;
import org.jwtbearer.issuer.grant.TokenRequest;
import org.jwtbearer.issuer.grant.TokenResult;
import org.jwtbearer.database.testing.CapturedLog;
import org.jwtbearer.database.testing.MutableClock;
import org.jwtbearer.database.testing.OutageChains;
import org.jwtbearer.database.outage.OutageLog;

/** The token endpoint while the database is down: 503 in the format asked for, and an audit line with the precise reason. */
class TokenEndpointOutageTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    private final List<AuditEvent> audited = new ArrayList<>();

    private TokenEndpoint endpoint(Supplier<TokenResult> grantAnswer) {
        TokenEndpoint endpoint = new TokenEndpoint();
        endpoint.jwtBearerGrant = new JwtBearerGrant() {
            @Override
            public TokenResult handle(TokenRequest request, AuditTrail audit) {
                return grantAnswer.get();
            }
        };
        endpoint.auditLog = new AuditLog() {
            @Override
            public void write(AuditEvent event) {
                audited.add(event);
            }
        };
        endpoint.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        endpoint.outages = new OutageLog(Logger.getLogger(TokenEndpoint.class.getName()), Duration.ofSeconds(10), new MutableClock(NOW));
        return endpoint;
    }

    private static Response post(TokenEndpoint endpoint, String format) {
        String form = "grant_type=" + JwtBearerGrant.GRANT_TYPE + "&assertion=a.b.c" + (format == null ? "" : "&format=" + format);
        HttpHeaders headers = (HttpHeaders) Proxy.newProxyInstance(TokenEndpointOutageTest.class.getClassLoader(),
                new Class<?>[] {HttpHeaders.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaderString" -> HttpHeaders.CONTENT_TYPE.equals(args[0]) ? "application/x-www-form-urlencoded" : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(TokenEndpointOutageTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> "request-1";
                    case "getRemoteAddr" -> "192.0.2.1";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return endpoint.token(new ByteArrayInputStream(form.getBytes(StandardCharsets.UTF_8)), headers, request);
    }

    @Test
    void tokenWhenGrantFailsOnUnreachableDatabaseThen503AndAuditedAsDatabaseUnavailable() {
        try (CapturedLog log = new CapturedLog(TokenEndpoint.class)) {
            Response response = post(endpoint(() -> {
                throw OutageChains.wildFlyRefused();
            }), null);

            UnavailableAnswers.assertOAuthUnavailable(response);
            assertEquals(1, audited.size());
            assertEquals("failed", audited.get(0).outcome());
            assertEquals("temporarily_unavailable", audited.get(0).error());
            assertEquals("database_unavailable", audited.get(0).reason());
            assertEquals(1, log.records.size(), "one line");
            assertNull(log.records.get(0).getThrown(), "no stack trace");
        }
    }

    @Test
    void tokenWhenStoreUnavailableThen503InTheFormatAskedForAndAuditedWithTheStore() {
        Response response = post(endpoint(() -> {
            throw OAuthException.temporarilyUnavailable("replay_store_unavailable");
        }), "xml");

        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertEquals("application/xml;charset=UTF-8", response.getHeaderString("Content-Type"));
        assertTrue(((String) response.getEntity()).contains("<error>temporarily_unavailable</error>"));
        assertEquals("failed", audited.get(0).outcome());
        assertEquals("replay_store_unavailable", audited.get(0).reason());
    }

    @Test
    void tokenWhenOtherFailureThenStill500() {
        try (CapturedLog log = new CapturedLog(TokenEndpoint.class)) {
            Response response = post(endpoint(() -> {
                throw new IllegalStateException("bug");
            }), null);

            assertEquals(500, response.getStatus());
            assertNull(response.getHeaderString("Retry-After"));
            assertEquals("internal_error", audited.get(0).reason());
            assertEquals(1, log.records.size());
        }
    }
}
