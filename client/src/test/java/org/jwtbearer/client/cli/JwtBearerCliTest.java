package org.jwtbearer.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jwtbearer.security.jose.CompactJws;
import org.jwtbearer.security.jose.VerifierKey;

/** The tool as a user runs it: keygen, then an assertion verified with the certificate keygen printed. */
class JwtBearerCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return JwtBearerCli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void keygenThenAssertionVerifiesWithTheRegisteredCertificate() throws Exception {
        Path keystore = dir.resolve("client.p12");
        Path bootstrap = dir.resolve("bootstrap.json");
        assertEquals(0, run("keygen", "--keystore", keystore.toString(), "--storepass", "changeit", "--kid", "k1",
                "--client-id", "my-client", "--bootstrap", bootstrap.toString(), "--user", "abel.tuter", "--roles", "itil"));
        assertTrue(output().contains("-----BEGIN CERTIFICATE-----"));

        Map<String, Object> document = JsonUtil.parseJson(Files.readString(bootstrap));
        Map<String, Object> client = ((List<Map<String, Object>>) document.get("clients")).get(0);
        assertEquals("my-client", client.get("client_id"));
        assertEquals(true, client.get("public"));
        String pem = (String) ((List<Map<String, Object>>) client.get("verifier_keys")).get(0).get("certificate");

        assertEquals(0, run("assertion", "--keystore", keystore.toString(), "--storepass", "changeit", "--kid", "k1",
                "--iss", "my-client", "--sub", "abel.tuter", "--aud", "https://example.com/oauth_token.do", "--claim", "tenant=acme"));
        String assertion = output().strip();
        CompactJws jws = CompactJws.parse(assertion, 16384);
        jws.verify(VerifierKey.fromCertificatePem("k1", pem).publicKey(), Set.of("RS256"));
        JwtClaims claims = JwtClaims.parse(jws.payload());
        assertEquals("my-client", claims.getIssuer());
        assertEquals("acme", claims.getClaimValue("tenant"));
        assertTrue(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue() == 120);
    }

    @Test
    void keygenWhenKeystoreExistsThenRefusedAndFileKept() throws Exception {
        Path keystore = dir.resolve("exists.p12");
        Files.writeString(keystore, "precious");
        assertEquals(3, run("keygen", "--keystore", keystore.toString(), "--storepass", "changeit"));
        assertEquals("precious", Files.readString(keystore));
    }

    @Test
    void whenUsageWrongThenExitTwoWithHelp() {
        assertEquals(2, run("assertion", "--bogus"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --bogus"));
        assertEquals(2, run("nope"));
        assertEquals(2, run());
    }

    @Test
    void helpForEveryCommand() {
        for (Command command : JwtBearerCli.COMMANDS) {
            assertEquals(0, run(command.name(), "--help"));
            assertTrue(output().startsWith("Usage: jwtbearer " + command.name()), command.name());
        }
    }
}
