package org.jwtbearer.issuer.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;
import org.jwtbearer.database.testing.CapturedLog;
import org.jwtbearer.database.testing.MutableClock;
import org.jwtbearer.database.testing.OutageChains;
import org.jwtbearer.database.outage.OutageLog;

/** The issuer's last-line mapper: 503 for a database outage (OAuth shape, the envelope under /admin), 500 for the rest. */
class UnexpectedFailureMapperTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    private UnexpectedFailureMapper mapper(String path) {
        UnexpectedFailureMapper mapper = new UnexpectedFailureMapper();
        mapper.uri = (UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getPath")) {
                        return path;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        mapper.outages = new OutageLog(Logger.getLogger(UnexpectedFailureMapper.class.getName()), Duration.ofSeconds(10), clock);
        return mapper;
    }

    @Test
    void toResponseWhenDatabaseUnreachableThenTemporarilyUnavailable() {
        for (RuntimeException outage : new RuntimeException[] {OutageChains.wildFlyRefused(), OutageChains.wildFlyCommitFailed(),
                OutageChains.payaraRefused(), OutageChains.payaraPoolExhausted()}) {
            UnavailableAnswers.assertOAuthUnavailable(mapper("oauth2/introspect").toResponse(outage));
        }
    }

    @Test
    void toResponseWhenDatabaseUnreachableUnderAdminThenEnvelope() {
        for (String path : new String[] {"admin/clients", "/admin/users/abel.tuter", "admin"}) {
            Response response = mapper(path).toResponse(OutageChains.wildFlyRefused());

            assertEquals(503, response.getStatus(), path);
            assertEquals("5", response.getHeaderString("Retry-After"));
            assertEquals("no-store", response.getHeaderString("Cache-Control"));
            assertEquals("application/json", response.getHeaderString("Content-Type"));
            assertEquals("{\"error\":{\"message\":\"Service Unavailable\",\"detail\":\"The database is not reachable; try again shortly\"},"
                    + "\"status\":\"failure\"}", response.getEntity());
        }
    }

    @Test
    void toResponseWhenPathOnlyStartsLikeAdminThenOAuthShape() {
        UnavailableAnswers.assertOAuthUnavailable(mapper("administrator").toResponse(OutageChains.wildFlyRefused()));
    }

    @Test
    void toResponseWhenOutagesFloodThenOneWarningLineWithoutStackTrace() {
        UnexpectedFailureMapper mapper = mapper("oauth2/revoke");
        try (CapturedLog log = new CapturedLog(UnexpectedFailureMapper.class)) {
            for (int i = 0; i < 500; i++) {
                mapper.toResponse(OutageChains.payaraRefused());
            }
            assertEquals(1, log.records.size());
            assertEquals(Level.WARNING, log.records.get(0).getLevel());
            assertNull(log.records.get(0).getThrown());
            assertTrue(log.records.get(0).getMessage().startsWith("Database unavailable: java.sql.SQLException: Connection to localhost:5432"),
                    log.records.get(0).getMessage());
        }
    }

    @Test
    void toResponseWhenOtherFailureThenServerErrorLoggedWithStackTrace() {
        try (CapturedLog log = new CapturedLog(UnexpectedFailureMapper.class)) {
            IllegalStateException bug = new IllegalStateException("bug");
            Response response = mapper("oauth2/token").toResponse(bug);

            assertEquals(500, response.getStatus());
            JsonObject json = Json.createReader(new StringReader((String) response.getEntity())).readObject();
            assertEquals("server_error", json.getString("error"));
            assertNull(response.getHeaderString("Retry-After"));
            assertEquals(Level.SEVERE, log.records.get(0).getLevel());
            assertSame(bug, log.records.get(0).getThrown());
        }
    }

    @Test
    void toResponseWhenJaxRsAnswerThenPassedThrough() {
        NotFoundException notFound = new NotFoundException();
        assertSame(notFound.getResponse(), mapper("nothing").toResponse(notFound));
    }

    @Test
    void toResponseWhenJaxRsRefusesUnderAdminThenEnvelopeWithADetail() {
        Response unsupported = mapper("admin/clients/x").toResponse(new NotSupportedException());
        assertEquals(415, unsupported.getStatus());
        assertEquals("The request body must be JSON (Content-Type application/json or application/merge-patch+json)",
                envelope(unsupported).getJsonObject("error").getString("detail"));

        Response notAllowed = mapper("admin/clients/x").toResponse(new NotAllowedException("GET", new String[] {"PATCH", "DELETE"}));
        assertEquals(405, notAllowed.getStatus());
        assertEquals("The methods allowed here are DELETE, GET, PATCH", envelope(notAllowed).getJsonObject("error").getString("detail"));
        assertTrue(notAllowed.getAllowedMethods().contains("PATCH"));

        Response notFound = mapper("admin/nothing").toResponse(new NotFoundException());
        assertEquals(404, notFound.getStatus());
        assertEquals("failure", envelope(notFound).getString("status"));
    }

    private static JsonObject envelope(Response response) {
        return Json.createReader(new StringReader((String) response.getEntity())).readObject();
    }
}
