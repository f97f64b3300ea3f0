package org.jwtbearer.issuer.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the registry (bootstrap) file reader. A file either imports whole or is refused with
 * an {@link IllegalArgumentException} naming the field ({@link BootstrapImporter} turns it into a deployment
 * failure that says so); any other exception would fail the deployment with a stack trace and no hint of the
 * field. Seeds and kept findings: {@code src/test/resources/org/jwtbearer/issuer/bootstrap/BootstrapFileFuzzTestInputs}.
 */
class BootstrapFileFuzzTest {

    @FuzzTest
    @Timeout(10)
    void bootstrapFile(byte[] input) {
        try {
            BootstrapDocument.parse(new String(input, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException refused) {
            // Exactly the documented type: a NumberFormatException, say, is an IllegalArgumentException too, but no refusal of ours.
            assertEquals(IllegalArgumentException.class, refused.getClass(), () -> "unexpected " + refused);
            assertFalse(refused.getMessage() == null || refused.getMessage().isBlank(), "a refusal says what is wrong");
        }
    }
}
