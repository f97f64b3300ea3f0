package org.jwtbearer.incident.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.jwtbearer.database.testing.CapturedLog;
import org.jwtbearer.database.testing.MutableClock;
import org.jwtbearer.database.testing.OutageChains;
import org.jwtbearer.database.outage.OutageLog;

/** The Table API's last-line mapper: 503 in the envelope for a database outage, logged sparingly; 500 for the rest. */
class FallbackExceptionMapperTest {

    private static final String UNAVAILABLE = "{\"error\":{\"message\":\"Service Unavailable\","
            + "\"detail\":\"The database is not reachable; try again shortly\"},\"status\":\"failure\"}";

    private final FallbackExceptionMapper mapper = new FallbackExceptionMapper();

    {
        mapper.outages = new OutageLog(Logger.getLogger(FallbackExceptionMapper.class.getName()), Duration.ofSeconds(10),
                new MutableClock(Instant.parse("2030-01-01T00:00:00Z")));
    }

    @Test
    void toResponseWhenDatabaseUnreachableThen503EnvelopeWithRetryAfter() {
        for (RuntimeException outage : new RuntimeException[] {OutageChains.wildFlyRefused(), OutageChains.wildFlyPoolExhausted(),
                OutageChains.wildFlyCommitFailed(), OutageChains.payaraRefused(), OutageChains.payaraPoolExhausted()}) {
            Response response = mapper.toResponse(outage);

            assertEquals(503, response.getStatus());
            assertEquals("5", response.getHeaderString("Retry-After"));
            assertEquals("application/json", response.getHeaderString("Content-Type"));
            assertEquals(UNAVAILABLE, response.getEntity());
        }
    }

    @Test
    void toResponseWhenOutagesFloodThenOneWarningLineWithoutStackTrace() {
        try (CapturedLog log = new CapturedLog(FallbackExceptionMapper.class)) {
            for (int i = 0; i < 500; i++) {
                mapper.toResponse(OutageChains.payaraRefused());
            }
            assertEquals(1, log.records.size());
            assertEquals(Level.WARNING, log.records.get(0).getLevel());
            assertNull(log.records.get(0).getThrown());
            assertFalse(log.records.get(0).getMessage().contains("\n"));
            assertTrue(log.records.get(0).getMessage().startsWith("Database unavailable: "), log.records.get(0).getMessage());
        }
    }

    @Test
    void toResponseWhenOtherFailureThen500WithoutRetryAfter() {
        try (CapturedLog log = new CapturedLog(FallbackExceptionMapper.class)) {
            IllegalStateException bug = new IllegalStateException("bug");
            Response response = mapper.toResponse(bug);

            assertEquals(500, response.getStatus());
            assertNull(response.getHeaderString("Retry-After"));
            assertEquals("{\"error\":{\"message\":\"Internal server error\",\"detail\":\"The request could not be completed\"},"
                    + "\"status\":\"failure\"}", response.getEntity());
            assertSame(bug, log.at(Level.SEVERE).get(0).getThrown());
        }
    }

    @Test
    void toResponseWhenJaxRsRefusesThenEnvelopeWithADetailSayingWhatToChange() {
        assertEnvelope(mapper.toResponse(new NotSupportedException()), 415, "Unsupported Media Type", "The request body must be application/json");
        assertEnvelope(mapper.toResponse(new NotAcceptableException()), 406, "Not Acceptable", "Answers are application/json only; accept it");
        assertEnvelope(mapper.toResponse(new NotFoundException()), 404, "Requested URI does not represent any resource",
                "This API serves /api/now/table/incident and /api/now/table/sys_user");
        Response notAllowed = mapper.toResponse(new NotAllowedException("GET", new String[] {"POST"}));
        assertEnvelope(notAllowed, 405, "Method not Supported", "The methods allowed here are GET, POST");
        assertTrue(notAllowed.getHeaderString("Allow").contains("POST"), notAllowed.getHeaderString("Allow"));
    }

    private static void assertEnvelope(Response response, int status, String message, String detail) {
        assertEquals(status, response.getStatus());
        assertEquals("{\"error\":{\"message\":\"" + message + "\",\"detail\":\"" + detail + "\"},\"status\":\"failure\"}", response.getEntity());
    }
}
