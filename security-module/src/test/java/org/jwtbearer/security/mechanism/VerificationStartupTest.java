package org.jwtbearer.security.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.junit.jupiter.api.Test;

/** A setting that cannot work fails the deployment, naming the setting, even when the container wrapped it. */
class VerificationStartupTest {

    private static VerificationStartup startupWhoseVerification(RuntimeException failure) {
        VerificationStartup startup = new VerificationStartup();
        startup.verification = new BearerVerification() {
            @Override
            public String realm() {
                throw failure;
            }
        };
        return startup;
    }

    @Test
    void onStartWhenSettingsCannotWorkThenDeploymentFailsNamingTheSetting() {
        IllegalStateException bad = new IllegalStateException("mp.jwt.verify.publickey.location: /missing.pem cannot be read");
        RuntimeException wrapped = new RuntimeException("bean creation failed", bad);

        DeploymentException e = assertThrows(DeploymentException.class, () -> startupWhoseVerification(wrapped).onStart(new Object()));

        assertEquals("Bearer token settings: mp.jwt.verify.publickey.location: /missing.pem cannot be read", e.getMessage());
    }

    @Test
    void onStartWhenAnotherFailureThenItIsNotDisguised() {
        UnsupportedOperationException other = new UnsupportedOperationException("something else");

        assertEquals(other, assertThrows(UnsupportedOperationException.class,
                () -> startupWhoseVerification(other).onStart(new Object())));
    }
}
