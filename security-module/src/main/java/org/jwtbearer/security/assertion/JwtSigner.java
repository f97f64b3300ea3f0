package org.jwtbearer.security.assertion;

import java.util.Map;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Signs a set of claims as a compact JWS with a {@link SigningKey}. */
public final class JwtSigner {

    private JwtSigner() {
    }

    public static String sign(JwtClaims claims, SigningKey key, String type) {
        return sign(claims.toJson(), key, type, Map.of());
    }

    /** Signs {@code payload} as is; extra header members are for tests that need unusual headers. */
    public static String sign(String payload, SigningKey key, String type, Map<String, Object> extraHeaders) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue(key.algorithm());
        if (key.kid() != null) {
            jws.setKeyIdHeaderValue(key.kid());
        }
        if (type != null) {
            jws.setHeader("typ", type);
        }
        extraHeaders.forEach(jws.getHeaders()::setObjectHeaderValue);
        jws.setKey(key.privateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign with " + key.algorithm() + ": " + e.getMessage(), e);
        }
    }
}
