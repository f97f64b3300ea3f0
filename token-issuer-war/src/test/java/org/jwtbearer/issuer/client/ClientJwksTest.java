package org.jwtbearer.issuer.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.issuer.config.TestSettings;
import org.jwtbearer.issuer.support.SecretBox;
import org.jwtbearer.security.jose.CompactJws;

/** Keys of a jwks_uri client, fetched from a real HTTP server on loopback. */
class ClientJwksTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final KeyPair STRONG = rsa(2048);
    private static final KeyPair WEAK = rsa(1024);

    private HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private URI location;
    private ClientJwks jwks;
    private ClientKeys keys;

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> jwk(KeyPair pair, String kid) throws Exception {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk((RSAPublicKey) pair.getPublic());
        jwk.setKeyId(kid);
        return jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    @BeforeEach
    void start() throws Exception {
        byte[] document = JsonUtil.toJson(Map.of("keys", List.of(jwk(STRONG, "strong"), jwk(WEAK, "weak"))))
                .getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            exchange.sendResponseHeaders(200, document.length);
            exchange.getResponseBody().write(document);
            exchange.close();
        });
        server.start();
        location = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
        IssuerSettings s = TestSettings.with("jwtbearer.registry.cache-seconds", "0");
        jwks = new ClientJwks(s, Clock.fixed(NOW, ZoneOffset.UTC));
        keys = new ClientKeys(SecretBox.generated(), jwks);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RegisteredClient client(URI uri) {
        return new RegisteredClient("c1", null, Optional.empty(), true, UserField.USER_NAME, Set.of("c1"), Set.of("c1"),
                Duration.ofSeconds(300), Duration.ofSeconds(60), true, Duration.ofSeconds(1800), Set.of("useraccount"),
                Set.of("RS256"), List.of(), List.of(), true, Optional.empty(), Optional.of(uri));
    }

    private static CompactJws signed(KeyPair pair, String kid) throws Exception {
        org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
        jws.setPayload("{}");
        jws.setAlgorithmHeaderValue("RS256");
        jws.setKeyIdHeaderValue(kid);
        jws.setKey(pair.getPrivate());
        jws.setDoKeyValidation(false); // the weak key too: the test is that the server never uses it
        return CompactJws.parse(jws.getCompactSerialization(), 16 * 1024);
    }

    @Test
    void findWhenKidInFetchedSetThenThatKey() throws Exception {
        Optional<ClientKeys.ResolvedKey> key = keys.find(client(location), signed(STRONG, "strong"), NOW);
        assertTrue(key.isPresent());
        assertEquals(STRONG.getPublic(), key.get().key());
        assertEquals("strong", key.get().kid());
    }

    @Test
    void findWhenKeyInFetchedSetIsWeakThenNeverUsed() throws Exception {
        assertTrue(keys.find(client(location), signed(WEAK, "weak"), NOW).isEmpty());
    }

    @Test
    void findWhenFloodOfUnknownKidsThenAtMostOneRefetchPerCooldown() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertTrue(keys.find(client(location), signed(STRONG, "random-" + i), NOW).isEmpty());
        }
        assertTrue(fetches.get() <= 2, "fetches: " + fetches.get());
    }

    /** The registry cache rebuilds RegisteredClient often; the fetched set must outlive that. */
    @Test
    void forClientWhenSameLocationThenSameSetAndWhenChangedThenAnew() {
        assertSame(jwks.forClient("c1", location), jwks.forClient("c1", URI.create(location.toString())));
        assertNotSame(jwks.forClient("c1", location), jwks.forClient("c1", URI.create(location + "?v=2")));
    }

    @Test
    void forClientWhenLocationNotAllowedThenRefusedWithoutFetching() {
        assertThrows(IllegalArgumentException.class, () -> jwks.forClient("c1", URI.create("file:///etc/passwd")));
        assertEquals(0, fetches.get());
    }
}
