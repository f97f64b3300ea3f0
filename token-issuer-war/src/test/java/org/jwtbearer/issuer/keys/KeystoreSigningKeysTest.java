package org.jwtbearer.issuer.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.issuer.config.TestSettings;
import org.jwtbearer.security.jose.KeyMaterialException;

/** Keys an operator keeps in a keystore: the signing one and the ones only published, each under its alias. */
class KeystoreSigningKeysTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    static Path keystore;

    @BeforeAll
    static void makeKeystore() throws Exception {
        keystore = dir.resolve("signing.p12");
        for (String alias : List.of("old", "now", "new")) {
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-noprompt", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                    "-alias", alias, "-dname", "CN=" + alias, "-validity", "30", "-keyalg", "RSA", "-keysize", "2048")
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException(output);
            }
        }
    }

    private static IssuerSettings settings(String alias, String algorithm, String next, String previous) {
        java.util.List<String> settings = new java.util.ArrayList<>(java.util.List.of(
                "jwtbearer.signing.keystore", keystore.toString(), "jwtbearer.signing.keystore-password", PASSWORD,
                "jwtbearer.signing.key-alias", alias));
        for (String[] optional : new String[][] {{"jwtbearer.signing.algorithm", algorithm},
                {"jwtbearer.signing.next-key-alias", next}, {"jwtbearer.signing.previous-key-alias", previous}}) {
            if (optional[1] != null) {
                settings.addAll(java.util.List.of(optional));
            }
        }
        return TestSettings.with(settings.toArray(String[]::new));
    }

    @Test
    void loadWhenNextAndPreviousAliasesThenAliasSignsAndAllThreeArePublished() {
        KeyRing ring = KeystoreSigningKeys.load(settings("now", null, "new", "old"));

        assertEquals(List.of(KeyState.CURRENT, KeyState.NEXT, KeyState.RETIRED), ring.keys().stream().map(PublishedKey::state).toList());
        assertEquals(ring.keys().get(0).kid(), ring.requireSigning().kid());
        assertEquals(SigningKeyMaterial.thumbprint(ring.keys().get(0).key().publicKey()), ring.requireSigning().kid());
        assertEquals("RS256", ring.requireSigning().algorithm());
    }

    @Test
    void loadWhenAlgorithmIsPs256ThenSignsAndPublishesPs256() {
        KeyRing ring = KeystoreSigningKeys.load(settings("now", "PS256", null, null));

        assertEquals("PS256", ring.requireSigning().algorithm());
        assertEquals("PS256", ring.keys().get(0).key().algorithm());
    }

    @Test
    void loadWhenAlgorithmDoesNotFitTheKeyThenRefused() {
        assertThrows(KeyMaterialException.class, () -> KeystoreSigningKeys.load(settings("now", "ES256", null, null)));
    }

    @Test
    void loadWhenNextAliasNamesTheSigningKeyThenRefused() {
        assertThrows(IllegalStateException.class, () -> KeystoreSigningKeys.load(settings("now", null, "now", null)));
    }
}
