package org.jwtbearer.issuer.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

import org.jwtbearer.issuer.grant.OAuthException;

/** What every issuer answer to a database outage must look like, for the tests of the classes that give one. */
final class UnavailableAnswers {

    private UnavailableAnswers() {
    }

    /** 503, {@code temporarily_unavailable} with an RFC 6749 §5.2 description, Retry-After, never cached, no internals. */
    static JsonObject assertOAuthUnavailable(Response response) {
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        assertEquals("no-store", response.getHeaderString("Cache-Control"));
        assertEquals("no-cache", response.getHeaderString("Pragma"));
        assertEquals("application/json;charset=UTF-8", response.getHeaderString("Content-Type"));
        String body = (String) response.getEntity();
        assertNoInternals(body);
        JsonObject json = Json.createReader(new StringReader(body)).readObject();
        assertEquals(2, json.size(), body);
        assertEquals("temporarily_unavailable", json.getString("error"));
        assertEquals(OAuthException.UNAVAILABLE_DESCRIPTION, json.getString("error_description"));
        assertDescriptionCharset(json.getString("error_description"));
        assertNull(response.getHeaderString("WWW-Authenticate"));
        return json;
    }

    /** RFC 6749 §5.2: error_description is %x20-21 / %x23-5B / %x5D-7E. */
    static void assertDescriptionCharset(String description) {
        for (char c : description.toCharArray()) {
            boolean allowed = (c >= 0x20 && c <= 0x21) || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
            assertFalse(!allowed, "character " + (int) c + " is outside the §5.2 charset: " + description);
        }
    }

    static void assertNoInternals(String body) {
        for (String internal : new String[] {"Exception", "SQL", "IJ0", "localhost", "Connection to", "\tat ", "EclipseLink"}) {
            assertFalse(body.contains(internal), "the body shows " + internal + ": " + body);
        }
    }
}
