package org.jwtbearer.security.jose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/** A JWK Set document (RFC 7517 §5), reduced to the signature-verification keys it holds. */
public final class JwkSet {

    private static final Logger LOG = Logger.getLogger(JwkSet.class.getName());

    private JwkSet() {
    }

    /**
     * The usable verification keys of a JWKS. Keys meant for encryption, of unsupported types or too weak
     * are left out (and logged), so one bad entry cannot make the others unusable. Two keys under one
     * {@code kid} make that kid ambiguous: {@link KeySelector} then chooses neither.
     */
    public static List<VerifierKey> parse(String json) {
        return parse(json, KeyStrength.MIN_RSA_BITS);
    }

    /** {@link #parse(String)} admitting RSA keys of {@code minRsaBits} or more. */
    public static List<VerifierKey> parse(String json, int minRsaBits) {
        Map<String, Object> document;
        try {
            document = JsonUtil.parseJson(json);
        } catch (JoseException | RuntimeException e) {
            throw new KeyMaterialException("not a JSON object: " + e.getMessage(), e);
        }
        if (!(document.get("keys") instanceof List<?> entries)) {
            throw new KeyMaterialException("a JWK Set needs a \"keys\" array");
        }
        List<VerifierKey> keys = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> raw)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> jwk = (Map<String, Object>) raw;
            try {
                keys.add(VerifierKey.fromJwk(null, jwk, minRsaBits));
            } catch (KeyMaterialException e) {
                LOG.log(Level.WARNING, "Skipping JWK {0}: {1}", new Object[] {jwk.get("kid"), e.getMessage()});
            }
        }
        return List.copyOf(keys);
    }

    public static String toJson(List<VerifierKey> keys) {
        return JsonUtil.toJson(Map.of("keys", keys.stream().map(VerifierKey::toPublicJwk).toList()));
    }
}
