package org.jwtbearer.security.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The issuer's answer read strictly: the documented shape is taken whole, anything else refused whole. */
class RevocationUpdateTest {

    private static final String HASH = "a".repeat(64);

    @Test
    void parseWhenTheDocumentedShapeThenEveryEntry() throws IOException {
        RevocationUpdate update = RevocationUpdate.parse("""
                {"cursor":"1733250000000","complete":false,
                 "tokens":[{"jti_sha256":"%s","exp":1733251800}],
                 "clients":[{"client_id":"client-a","not_before":1733250015,"exp":1733336415}],
                 "users":[{"sub":"0123456789abcdef0123456789abcdef","not_before":1733250016,"exp":1733336416}],
                 "later":"members added by a newer issuer are ignored"}""".formatted(HASH));

        assertEquals("1733250000000", update.cursor());
        assertEquals(false, update.complete());
        assertEquals(List.of(new RevocationUpdate.RevokedJti(HASH, 1733251800)), update.tokens());
        assertEquals(List.of(new RevocationUpdate.NotBefore("client-a", 1733250015, 1733336415)), update.clients());
        assertEquals(List.of(new RevocationUpdate.NotBefore("0123456789abcdef0123456789abcdef", 1733250016, 1733336416)), update.users());
        assertEquals(3, update.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "[]",
            "not json",
            "{\"complete\":true,\"tokens\":[],\"clients\":[],\"users\":[]}",
            "{\"cursor\":1,\"complete\":true,\"tokens\":[],\"clients\":[],\"users\":[]}",
            "{\"cursor\":\"x1\",\"complete\":true,\"tokens\":[],\"clients\":[],\"users\":[]}",
            "{\"cursor\":\"1\",\"complete\":\"yes\",\"tokens\":[],\"clients\":[],\"users\":[]}",
            "{\"cursor\":\"1\",\"complete\":true,\"clients\":[],\"users\":[]}",
            "{\"cursor\":\"1\",\"complete\":true,\"tokens\":{},\"clients\":[],\"users\":[]}",
            "{\"cursor\":\"1\",\"complete\":true,\"tokens\":[\"abc\"],\"clients\":[],\"users\":[]}",
            "{\"cursor\":\"1\",\"complete\":true,\"tokens\":[{\"jti_sha256\":\"ABC\",\"exp\":1}],\"clients\":[],\"users\":[]}",
            "{\"cursor\":\"1\",\"complete\":true,\"tokens\":[{\"jti\":\"raw\",\"exp\":1}],\"clients\":[],\"users\":[]}",
            "{\"cursor\":\"1\",\"complete\":true,\"tokens\":[{\"jti_sha256\":\"HASH\"}],\"clients\":[],\"users\":[]}",
            "{\"cursor\":\"1\",\"complete\":true,\"tokens\":[{\"jti_sha256\":\"HASH\",\"exp\":1.5}],\"clients\":[],\"users\":[]}",
            "{\"cursor\":\"1\",\"complete\":true,\"tokens\":[{\"jti_sha256\":\"HASH\",\"exp\":-1}],\"clients\":[],\"users\":[]}",
            "{\"cursor\":\"1\",\"complete\":true,\"tokens\":[],\"clients\":[{\"not_before\":1,\"exp\":2}],\"users\":[]}",
            "{\"cursor\":\"1\",\"complete\":true,\"tokens\":[],\"clients\":[{\"client_id\":\"\",\"not_before\":1,\"exp\":2}],\"users\":[]}",
            "{\"cursor\":\"1\",\"complete\":true,\"tokens\":[],\"clients\":[],\"users\":[{\"sub\":\"s\",\"exp\":2}]}",
            "{\"cursor\":\"1\",\"complete\":true,\"tokens\":[],\"clients\":[],\"users\":[{\"client_id\":\"s\",\"not_before\":1,\"exp\":2}]}",
    })
    void parseWhenAnythingElseThenRefusedWhole(String body) {
        IOException refused = assertThrows(IOException.class, () -> RevocationUpdate.parse(body.replace("HASH", HASH)));
        assertTrue(refused.getMessage().startsWith("malformed revocation list"), refused.getMessage());
    }
}
