package org.jwtbearer.security.jose;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Timeout;
import org.jwtbearer.security.TestKeys;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the compact JWS reader (every token and assertion passes it first): whatever the
 * bytes, it either refuses them with a {@link JwsRejectedException} that names a reason, or yields a JWS whose
 * header reads and whose signature check ends in the same refusal. Any other exception, or a hang, is a
 * finding. Seeds and kept findings: {@code src/test/resources/org/jwtbearer/security/jose/CompactJwsFuzzTestInputs}.
 */
class CompactJwsFuzzTest {

    /** Every algorithm the reader knows, so verify reaches each family's code with a key that fits or not. */
    private static final Set<String> ALL_ALGORITHMS = allAlgorithms();
    private static final SecretKeySpec HMAC_KEY =
            new SecretKeySpec("a shared secret of at least 256 bits, for HS*".getBytes(StandardCharsets.US_ASCII), "HmacSHA256");

    @FuzzTest
    @Timeout(10)
    void compactJws(byte[] input) {
        CompactJws jws;
        try {
            jws = CompactJws.parse(new String(input, StandardCharsets.UTF_8), 16 * 1024);
        } catch (JwsRejectedException refused) {
            assertRefusal(refused);
            return;
        }
        // A parsed JWS: what callers read before verifying must not throw either.
        assertNotNull(jws.algorithm());
        jws.type();
        jws.keyHints();
        jws.header("kid");
        readPayload(jws);
        verifyWith(jws, TestKeys.EC_P256.getPublic());
        verifyWith(jws, TestKeys.RSA.getPublic());
        verifyWith(jws, HMAC_KEY);
    }

    private static void readPayload(CompactJws jws) {
        try {
            jws.payload();
        } catch (JwsRejectedException refused) {
            assertRefusal(refused);
        }
    }

    private static void verifyWith(CompactJws jws, java.security.Key key) {
        try {
            jws.verify(key, ALL_ALGORITHMS);
        } catch (JwsRejectedException refused) {
            assertRefusal(refused);
        }
    }

    static void assertRefusal(JwsRejectedException refused) {
        assertNotNull(refused.reason(), "a refusal names its reason");
        assertFalse(refused.getMessage() == null || refused.getMessage().isBlank(), "a refusal says what is wrong");
    }

    private static Set<String> allAlgorithms() {
        Set<String> all = new HashSet<>(SignatureAlgorithms.ASYMMETRIC);
        all.addAll(SignatureAlgorithms.HMAC);
        return Set.copyOf(all);
    }
}
