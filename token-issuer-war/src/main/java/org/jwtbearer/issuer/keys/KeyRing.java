package org.jwtbearer.issuer.keys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jwtbearer.security.assertion.SigningKey;
import org.jwtbearer.security.jose.VerifierKey;

/**
 * The issuer's keys at one moment: the one that signs and the ones published, with the JWK Set document built
 * once for them — the JWKS is fetched by every resource server, so it is never built per request.
 *
 * @param signing        the current key; null when this node cannot open it (see {@link #signingFailure})
 * @param signingFailure why there is no signing key, for the error and the log
 */
public record KeyRing(SigningKey signing, String signingFailure, List<PublishedKey> keys, List<VerifierKey> verifierKeys,
                      String jwks) {

    /** Current first, then next, then retired, newest first: the order a reader of the JWKS expects. */
    private static final Comparator<PublishedKey> ORDER = Comparator
            .comparingInt((PublishedKey k) -> switch (k.state()) {
                case CURRENT -> 0;
                case NEXT -> 1;
                case RETIRED -> 2;
            })
            .thenComparing(k -> k.created() == null ? 0L : -k.created().getEpochSecond());

    public static KeyRing of(SigningKey signing, String signingFailure, List<PublishedKey> keys) {
        List<PublishedKey> ordered = keys.stream().sorted(ORDER).toList();
        List<VerifierKey> verifierKeys = ordered.stream().map(PublishedKey::key).toList();
        return new KeyRing(signing, signingFailure, ordered, verifierKeys, jwks(verifierKeys));
    }

    /** The signing key, or an {@link IllegalStateException} saying why this node has none. */
    public SigningKey requireSigning() {
        if (signing == null) {
            throw new IllegalStateException(signingFailure);
        }
        return signing;
    }

    /** The JWKS: each key with its kid, its one algorithm and {@code use: sig} (RFC 7517 §4.2). */
    private static String jwks(List<VerifierKey> keys) {
        List<Map<String, Object>> jwks = new ArrayList<>();
        for (VerifierKey key : keys) {
            Map<String, Object> jwk = new LinkedHashMap<>(key.toPublicJwk());
            jwk.put("use", "sig");
            jwks.add(jwk);
        }
        return JsonUtil.toJson(Map.of("keys", jwks));
    }
}
