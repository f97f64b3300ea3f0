package org.jwtbearer.issuer.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A jwks_uri the server will fetch: https anywhere, plain http only to loopback, nothing else (SSRF). */
class JwksUrisTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://keys.example.com/jwks.json", "https://10.0.0.5:8443/jwks", "http://localhost:8280/jwks",
        "http://127.0.0.1/jwks", "http://[::1]:8080/jwks", "HTTP://LOCALHOST/jwks"})
    void checkWhenHttpsOrLoopbackHttpThenAccepted(String uri) {
        assertDoesNotThrow(() -> JwksUris.check(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://keys.example.com/jwks", "http://localhost.attacker.example/jwks", "http://127.0.0.2/jwks",
        "http://169.254.169.254/latest/meta-data", "file:///etc/passwd", "file:/etc/passwd", "ftp://keys.example.com/jwks",
        "jar:file:/x.jar!/jwks", "/jwks.json", "https:///jwks", "https://user:pw@keys.example.com/jwks",
        "https://keys.example.com/jwks#frag", "not a uri"})
    void checkWhenAnythingElseThenRefused(String uri) {
        assertThrows(IllegalArgumentException.class, () -> JwksUris.check(uri));
    }

    @org.junit.jupiter.api.Test
    void checkWhenTooLongThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> JwksUris.check("https://k.example.com/" + "a".repeat(JwksUris.MAX_LENGTH)));
        assertDoesNotThrow(() -> List.of(JwksUris.check("https://k.example.com/a")));
    }
}
