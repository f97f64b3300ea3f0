package org.jwtbearer.security.wycheproof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.junit.jupiter.params.provider.Arguments;
import org.jwtbearer.security.jose.CompactJws;
import org.jwtbearer.security.jose.JwsRejectedException;
import org.jwtbearer.security.jose.KeyMaterialException;
import org.jwtbearer.security.jose.KeySelector;
import org.jwtbearer.security.jose.SignatureAlgorithms;
import org.jwtbearer.security.jose.VerifierKey;

/**
 * Runs Wycheproof JOSE vectors through the product's own verification path: key material parsed as a client
 * registration is, the key chosen by {@link KeySelector}, the signature checked by {@link CompactJws} with the
 * default algorithm allow-list. A vector is accepted only if every step accepts it.
 */
final class Vectors {

    private Vectors() {
    }

    /** One vector: the key set it is verified with, the JWS, and whether it must be accepted. */
    record Case(int id, String name, List<JsonObject> keys, String jws, boolean valid) {

        Arguments arguments() {
            return Arguments.of(name, this);
        }
    }

    static Stream<Arguments> cases(String resource, boolean keySetGroups) {
        JsonObject document = read(resource);
        List<Arguments> cases = new ArrayList<>();
        for (JsonValue groupValue : document.getJsonArray("testGroups")) {
            JsonObject group = groupValue.asJsonObject();
            JsonObject keyHolder = group.containsKey("public") ? group.getJsonObject("public") : group.getJsonObject("private");
            List<JsonObject> keys = keyHolder == null ? List.of()
                    : keySetGroups ? keyHolder.getJsonArray("keys").getValuesAs(JsonObject.class) : List.of(keyHolder);
            for (JsonValue testValue : group.getJsonArray("tests")) {
                JsonObject test = testValue.asJsonObject();
                String name = "tc" + test.getInt("tcId") + " " + group.getString("comment", "") + ": " + test.getString("comment", "")
                        + " " + test.getJsonArray("flags");
                cases.add(new Case(test.getInt("tcId"), name, keys, test.getString("jws"), "valid".equals(test.getString("result"))).arguments());
            }
        }
        return cases.stream();
    }

    /**
     * Vectors whose verdict we deliberately reverse, because a key declared for one algorithm verifies that
     * algorithm only (RFC 7517 §4.4, RFC 8725 §3.1) — the rule Wycheproof's own WrongPrimitive vectors demand.
     * RFC 7520 figure 20 is a PS384 signature checked with a JWK labelled {@code "alg":"PS256"}; figure 27 an
     * ES512 signature checked with a JWK labelled {@code "alg":"ES521"}, which is no algorithm at all.
     */
    static final Set<Integer> REFUSED_ON_PURPOSE = Set.of(346, 347, 350, 351);

    static void check(Case vector) {
        boolean symmetricOnly = !vector.keys().isEmpty()
                && vector.keys().stream().allMatch(k -> "oct".equals(k.getString("kty", "")));
        assumeFalse(symmetricOnly && vector.valid(), "HMAC keys cannot be registered with this version");
        boolean expected = vector.valid() && !REFUSED_ON_PURPOSE.contains(vector.id());
        assertEquals(expected, accepts(vector), vector.name());
    }

    private static boolean accepts(Case vector) {
        try {
            List<VerifierKey> keys = new ArrayList<>();
            for (JsonObject jwk : vector.keys()) {
                try {
                    keys.add(VerifierKey.fromJwk(null, org.jose4j.json.JsonUtil.parseJson(jwk.toString())));
                } catch (KeyMaterialException refused) {
                    // a key the registry would refuse is simply not there
                }
            }
            CompactJws jws = CompactJws.parse(vector.jws(), 16 * 1024);
            Optional<VerifierKey> key = KeySelector.select(keys, jws.keyHints(), jws.algorithm(), Instant.now());
            if (key.isEmpty()) {
                return false;
            }
            jws.verify(key.get().publicKey(), Set.copyOf(SignatureAlgorithms.ASYMMETRIC));
            return true;
        } catch (JwsRejectedException | org.jose4j.lang.JoseException e) {
            return false;
        }
    }

    private static JsonObject read(String resource) {
        try (InputStream in = Vectors.class.getResourceAsStream(resource); JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
