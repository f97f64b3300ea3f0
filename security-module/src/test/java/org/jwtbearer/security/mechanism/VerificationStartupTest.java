package org.jwtbearer.security.mechanism;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.DeploymentException;

import org.junit.jupiter.api.Test;
import org.jwtbearer.security.TestJose;
import org.jwtbearer.security.token.TokenVerifier;

/** A setting that cannot work fails the deployment, naming the setting; good settings and own verifiers pass. */
class VerificationStartupTest {

    private final Map<String, String> values = new HashMap<>();

    private VerificationStartup startup(boolean ownVerifier) {
        @SuppressWarnings("unchecked")
        Instance<TokenVerifier> verifiers = (Instance<TokenVerifier>) Proxy.newProxyInstance(Instance.class.getClassLoader(),
                new Class<?>[] {Instance.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isResolvable" -> ownVerifier;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        VerificationStartup startup = new VerificationStartup();
        startup.config = TestJose.config(values);
        startup.applicationVerifier = verifiers;
        return startup;
    }

    @Test
    void onStartWhenSettingsCannotWorkThenDeploymentFailsNamingTheSetting() {
        values.put("mp.jwt.verify.publickey", "not a key");
        values.put("mp.jwt.verify.publickey.location", "/publicKey.pem");

        DeploymentException e = assertThrows(DeploymentException.class, () -> startup(false).onStart(new Object()));

        assertEquals("Bearer token settings: mp.jwt.verify.publickey and mp.jwt.verify.publickey.location are both set; set one of them",
                e.getMessage());
    }

    @Test
    void onStartWhenNoKeysOrTheApplicationsOwnVerifierThenNothingToRefuse() {
        assertDoesNotThrow(() -> startup(false).onStart(new Object()));
        values.put("mp.jwt.verify.publickey", "not a key");
        assertDoesNotThrow(() -> startup(true).onStart(new Object()), "the settings are not the application's then");
    }
}
