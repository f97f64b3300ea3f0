package org.jwtbearer.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

import jakarta.json.JsonObject;

import org.jwtbearer.it.fixtures.Fixtures;

/** Access tokens obtained the way a client obtains them, and their parts decoded for assertions. */
public final class Tokens {

    private Tokens() {
    }

    /** An access token for {@code userName}, through the confidential fixture client. */
    public static String accessTokenFor(String userName) {
        String assertion = Fixtures.assertion().subject(userName).build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC());
        HttpResponse<String> response = Http.requestToken(assertion);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response).getString("access_token");
    }

    public static JsonObject header(String jwt) {
        return part(jwt, 0);
    }

    public static String kid(String jwt) {
        return header(jwt).getString("kid");
    }

    public static JsonObject claims(String jwt) {
        return part(jwt, 1);
    }

    private static JsonObject part(String jwt, int index) {
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            return reader.readObject();
        }
    }
}
