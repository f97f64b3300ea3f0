package org.jwtbearer.security;

import java.lang.reflect.Proxy;
import java.security.Key;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.microprofile.config.Config;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.jwtbearer.security.jose.Pem;

/** Key texts in MP-JWT's forms, JWEs, and a map-backed MicroProfile Config, for the key and decryption tests. */
public final class TestJose {

    private TestJose() {
    }

    public static String publicPem(KeyPair pair) {
        return Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    public static String privatePem(KeyPair pair) {
        return Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded());
    }

    /** A JWK of the pair's public key (with the private one when {@code withPrivate}); null members are left out. */
    public static Map<String, Object> jwk(KeyPair pair, String kid, String alg, String use, boolean withPrivate) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            if (withPrivate) {
                jwk.setPrivateKey(pair.getPrivate());
            }
            jwk.setKeyId(kid);
            jwk.setAlgorithm(alg);
            jwk.setUse(use);
            return new HashMap<>(jwk.toParams(withPrivate ? JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE
                    : JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String json(Map<String, Object> jwk) {
        return JsonUtil.toJson(jwk);
    }

    @SafeVarargs
    public static String jwks(Map<String, Object>... keys) {
        return JsonUtil.toJson(Map.of("keys", List.of(keys)));
    }

    /**
     * A compact JWE of {@code plaintext}; {@code headers} may change anything (alg, enc, kid, cty, zip …). No
     * algorithm constraints on this side: the tests make JWEs the decrypter must refuse.
     */
    public static String encrypt(String plaintext, Key key, Consumer<JsonWebEncryption> headers) {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jwe.setContentEncryptionAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jwe.setAlgorithmHeaderValue("RSA-OAEP");
        jwe.setEncryptionMethodHeaderParameter("A256GCM");
        jwe.setPlaintext(plaintext);
        jwe.setKey(key);
        headers.accept(jwe);
        try {
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** MP-JWT's nested token: a signed JWT encrypted with RSA-OAEP and A256GCM, {@code cty} JWT. */
    public static String nest(String jws, Key encryptionKey) {
        return encrypt(jws, encryptionKey, jwe -> jwe.setContentTypeHeaderValue("JWT"));
    }

    /** MicroProfile Config over a map: {@code getOptionalValue} for String, Long, Integer and Boolean. */
    public static Config config(Map<String, String> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getOptionalValue" -> Optional.ofNullable(values.get((String) args[0]))
                            .map(v -> convert(v, (Class<?>) args[1]));
                    case "toString" -> "TestJose.config" + values.keySet();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Object convert(String value, Class<?> type) {
        if (type == String.class) {
            return value;
        }
        if (type == Long.class) {
            return Long.valueOf(value);
        }
        if (type == Integer.class) {
            return Integer.valueOf(value);
        }
        if (type == Boolean.class) {
            return Boolean.valueOf(value);
        }
        throw new UnsupportedOperationException("no conversion to " + type);
    }
}
