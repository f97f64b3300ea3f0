package org.jwtbearer.security.wycheproof;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.jwtbearer.security.jose.HmacKeys;
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
     * Vectors 372 and 373 call a header or payload with a {@code ?} inserted valid, as a decoder that skips
     * foreign characters reads them; we accept canonical base64url only (RFC 7515 §2), as Wycheproof's own
     * vectors 360–371 demand for the very same kind of change to the other parts.
     */
    static final Set<Integer> REFUSED_ON_PURPOSE = Set.of(346, 347, 350, 351, 372, 373);

    /**
     * Vectors 367 and 370 ("invalidBase64Padding", in the MAC and in the payload) carry, in this copy of the
     * file, exactly the JWS that vector 357 marks valid — the padding they are named for is not in them. One
     * input cannot get two verdicts; we hold to 357's.
     */
    static final Set<Integer> SAME_INPUT_AS_VALID_357 = Set.of(367, 370);

    static void check(Case vector) {
        boolean expected = (vector.valid() || SAME_INPUT_AS_VALID_357.contains(vector.id()))
                && !REFUSED_ON_PURPOSE.contains(vector.id());
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
            if (SignatureAlgorithms.isHmac(jws.algorithm())) {
                return acceptsHmac(vector, jws);
            }
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

    /**
     * HMAC vectors: the issuer keys an HMAC with a client's shared secret, turned into a key by
     * {@link HmacKeys} (which refuses one shorter than the hash output) and pinned by {@link CompactJws#verify}.
     * A client has one secret; the vectors' sets of several secrets are chosen among here by the rules
     * {@link KeySelector} applies to public keys: by {@code kid}, a duplicated {@code kid} choosing none, a
     * key's {@code alg} binding it to that algorithm, and a key not for signatures never used.
     */
    private static boolean acceptsHmac(Case vector, CompactJws jws) throws JwsRejectedException {
        if (vector.keys().stream().anyMatch(k -> !"oct".equals(k.getString("kty", "")))) {
            // Shared secrets are never part of a key set: VerifierKey and JwkSet refuse symmetric JWKs.
            return false;
        }
        String alg = jws.algorithm();
        String kid = jws.keyHints().kid();
        List<JsonObject> candidates = vector.keys().stream()
                .filter(k -> "oct".equals(k.getString("kty", "")))
                .filter(k -> alg.equals(k.getString("alg", alg)))
                .filter(k -> "sig".equals(k.getString("use", "sig")))
                .filter(k -> kid == null || kid.equals(k.getString("kid", null)))
                .toList();
        if (candidates.size() != 1) {
            return false;
        }
        byte[] secret;
        try {
            secret = java.util.Base64.getUrlDecoder().decode(candidates.get(0).getString("k"));
            jws.verify(HmacKeys.forAlgorithm(alg, secret), Set.copyOf(SignatureAlgorithms.HMAC));
        } catch (IllegalArgumentException refused) { // bad base64url, or KeyMaterialException: a key too short
            return false;
        }
        return true;
    }

    private static JsonObject read(String resource) {
        try (InputStream in = Vectors.class.getResourceAsStream(resource); JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
