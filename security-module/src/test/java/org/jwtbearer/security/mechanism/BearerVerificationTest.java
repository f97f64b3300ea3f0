package org.jwtbearer.security.mechanism;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.inject.Instance;

import org.junit.jupiter.api.Test;
import org.jwtbearer.security.TestJose;
import org.jwtbearer.security.TestKeys;
import org.jwtbearer.security.token.TokenVerifier;

/** The verifier built from MicroProfile Config: an audience is optional unless the application requires one. */
class BearerVerificationTest {

    private final Map<String, String> values = new HashMap<>(Map.of(
            "mp.jwt.verify.publickey", TestJose.publicPem(TestKeys.RSA),
            "mp.jwt.verify.issuer", "https://issuer.example.com"));

    private BearerVerification verification() {
        @SuppressWarnings("unchecked")
        Instance<TokenVerifier> none = (Instance<TokenVerifier>) Proxy.newProxyInstance(Instance.class.getClassLoader(),
                new Class<?>[] {Instance.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isResolvable" -> false;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        BearerVerification verification = new BearerVerification();
        verification.config = TestJose.config(values);
        verification.applicationVerifier = none;
        return verification;
    }

    @Test
    void initWhenNoAudiencesThenStartsAsMicroProfileJwtAllows() {
        assertDoesNotThrow(() -> verification().init());
    }

    @Test
    void initWhenAudiencesRequiredButUnsetThenRefusesNamingTheSetting() {
        values.put("jwtbearer.verify.require-audiences", "true");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> verification().init());
        assertEquals("mp.jwt.verify.audiences must be set: jwtbearer.verify.require-audiences is true", e.getMessage());

        values.put("mp.jwt.verify.audiences", "https://api.example.com");
        assertDoesNotThrow(() -> verification().init());
    }
}
