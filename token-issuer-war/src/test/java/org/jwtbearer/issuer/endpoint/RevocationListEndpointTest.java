package org.jwtbearer.issuer.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.jwtbearer.issuer.revocation.RevocationListReader;

/** The revocation list's answer: its members as documented, clients and users apart, the cursor the serving instant. */
class RevocationListEndpointTest {

    @Test
    void renderWhenEntriesThenTokensClientsAndUsersWithTheCursor() {
        Instant now = Instant.parse("2030-01-01T12:00:00.123Z");
        RevocationListReader.Listing listing = new RevocationListReader.Listing(
                List.of(new RevocationListReader.RevokedJti("ab".repeat(32), 1_893_500_000L)),
                List.of(new RevocationListReader.NotBefore("client", "client-a", 1_893_499_215L, 1_893_585_615L),
                        new RevocationListReader.NotBefore("user", "0123456789abcdef0123456789abcdef", 1_893_499_216L, 1_893_585_616L)));

        JsonObject answer = RevocationListEndpoint.render(listing, now, false);

        assertEquals("{\"cursor\":\"" + now.toEpochMilli() + "\",\"complete\":false,"
                + "\"tokens\":[{\"jti_sha256\":\"" + "ab".repeat(32) + "\",\"exp\":1893500000}],"
                + "\"clients\":[{\"client_id\":\"client-a\",\"not_before\":1893499215,\"exp\":1893585615}],"
                + "\"users\":[{\"sub\":\"0123456789abcdef0123456789abcdef\",\"not_before\":1893499216,\"exp\":1893585616}]}",
                answer.toString());
    }
}
