package org.jwtbearer.issuer.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.jwtbearer.issuer.support.SecretBox;
import org.jwtbearer.security.jose.CompactJws;

/** An HMAC key is the client's own sealed secret, and only for an HS* algorithm the client is allowed. */
class ClientKeysTest {

    private static final SecretBox BOX = SecretBox.generated();
    private static final String SECRET = "a-shared-secret-of-at-least-48-bytes-for-hs384!!";
    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    private static RegisteredClient client(String id, Set<String> algorithms, Optional<String> sealed) {
        return new RegisteredClient(id, null, Optional.empty(), false, UserField.USER_NAME, Set.of(id), Set.of(id),
                Duration.ofSeconds(300), Duration.ofSeconds(60), true, Duration.ofSeconds(1800), Set.of("useraccount"),
                algorithms, List.of(), List.of(), true, sealed, Optional.empty());
    }

    private static CompactJws hmacJws(String alg) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload("{}");
        jws.setAlgorithmHeaderValue(alg);
        jws.setKey(new SecretKeySpec(new byte[64], "HmacSHA512"));
        jws.setDoKeyValidation(false);
        return CompactJws.parse(jws.getCompactSerialization(), 16 * 1024);
    }

    private static ClientKeys keys() {
        return new ClientKeys(BOX, null);
    }

    @Test
    void findWhenHmacAllowedThenTheClientsSecretIsTheKey() throws Exception {
        RegisteredClient client = client("c1", Set.of("HS384"), Optional.of(BOX.seal(SECRET.getBytes(StandardCharsets.UTF_8), "c1")));
        Optional<ClientKeys.ResolvedKey> key = keys().find(client, hmacJws("HS384"), NOW);
        assertTrue(key.isPresent());
        assertArrayEquals(SECRET.getBytes(StandardCharsets.UTF_8), ((SecretKey) key.get().key()).getEncoded());
    }

    @Test
    void findWhenHmacAlgorithmNotAllowedForClientThenNoKey() throws Exception {
        RegisteredClient client = client("c1", Set.of("HS384"), Optional.of(BOX.seal(SECRET.getBytes(StandardCharsets.UTF_8), "c1")));
        assertTrue(keys().find(client, hmacJws("HS256"), NOW).isEmpty());
    }

    @Test
    void findWhenSecretTooShortForTheAlgorithmThenNoKey() throws Exception {
        RegisteredClient client = client("c1", Set.of("HS512"), Optional.of(BOX.seal(SECRET.getBytes(StandardCharsets.UTF_8), "c1")));
        assertTrue(keys().find(client, hmacJws("HS512"), NOW).isEmpty());
    }

    /** A sealed secret copied into another client's row does not open there. */
    @Test
    void findWhenSecretSealedForAnotherClientThenNoKey() throws Exception {
        RegisteredClient client = client("c2", Set.of("HS384"), Optional.of(BOX.seal(SECRET.getBytes(StandardCharsets.UTF_8), "c1")));
        assertTrue(keys().find(client, hmacJws("HS384"), NOW).isEmpty());
    }

    @Test
    void findWhenClientHasNoSealedSecretThenNoKey() throws Exception {
        assertTrue(keys().find(client("c1", Set.of("HS384"), Optional.empty()), hmacJws("HS384"), NOW).isEmpty());
    }
}
