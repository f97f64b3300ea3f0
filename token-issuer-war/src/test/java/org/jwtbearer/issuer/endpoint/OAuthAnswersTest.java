package org.jwtbearer.issuer.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.jwtbearer.issuer.grant.ClientAuthenticator;
import org.jwtbearer.issuer.grant.OAuthError;
import org.jwtbearer.issuer.grant.OAuthException;

class OAuthAnswersTest {

    @Test
    void errorWhenTemporarilyUnavailableThen503WithRetryAfter() {
        UnavailableAnswers.assertOAuthUnavailable(OAuthAnswers.error(OAuthException.temporarilyUnavailable("replay_store_unavailable"),
                ResponseFormat.JSON, false));
    }

    @Test
    void errorWhenTemporarilyUnavailableInOtherFormatsThenSameAnswerInThatFormat() {
        Response urlencoded = OAuthAnswers.error(OAuthException.temporarilyUnavailable("x"), ResponseFormat.URLENCODED, false);
        assertEquals(503, urlencoded.getStatus());
        assertEquals("5", urlencoded.getHeaderString("Retry-After"));
        assertEquals("error=temporarily_unavailable&error_description=The+service+is+temporarily+unavailable%3B+try+again+shortly",
                urlencoded.getEntity());

        Response xml = OAuthAnswers.error(OAuthException.temporarilyUnavailable("x"), ResponseFormat.XML, true);
        assertEquals(503, xml.getStatus());
        assertEquals("5", xml.getHeaderString("Retry-After"));
        assertEquals("no-store", xml.getHeaderString("Cache-Control"));
        assertNull(xml.getHeaderString("WWW-Authenticate"), "no Basic challenge: the credentials were not refused");
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><response><error>temporarily_unavailable</error>"
                + "<error_description>The service is temporarily unavailable; try again shortly</error_description></response>", xml.getEntity());
    }

    @Test
    void errorWhenClientRefusedThenNoRetryAfter() {
        Response response = OAuthAnswers.error(ClientAuthenticator.failed("client_secret_mismatch"), ResponseFormat.JSON, true);
        assertEquals(401, response.getStatus());
        assertNull(response.getHeaderString("Retry-After"));
        assertEquals(OAuthAnswers.BASIC_CHALLENGE, response.getHeaderString("WWW-Authenticate"));
    }

    /** The last guard: whatever a description was built from, only RFC 6749 section 5.2's characters leave the server. */
    @Test
    void errorWhenDescriptionHasCharactersOutsideRfc6749ThenReplaced() {
        Response response = OAuthAnswers.error(new OAuthException(OAuthError.INVALID_REQUEST, "RFC 7515 \u00a72 \"q\" a\\b \u00e9\n", "x"),
                ResponseFormat.JSON, false);

        assertEquals("{\"error\":\"invalid_request\",\"error_description\":\"RFC 7515 ?2 ?q? a?b ??\"}", response.getEntity());
    }
}
