package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.jwtbearer.it.fixtures.Fixtures;
import org.jwtbearer.it.support.Deployments;
import org.jwtbearer.security.jose.Pem;

/**
 * The command-line tool as built ({@code client/target/jwtbearer-cli.jar}), run as its own process the way an
 * integration engineer runs it: a new key, registered for a new client through the admin API, a token for
 * it, and Table API calls with that token. Secrets travel through the environment, never the arguments.
 */
@ExtendWith(ArquillianExtension.class)
class CommandLineIT {

    private static final Pattern INCIDENT = Pattern.compile("\"sys_id\":\"([0-9a-f]{32})\".*\"number\":\"(INC\\d+)\"|\"number\":\"(INC\\d+)\".*\"sys_id\":\"([0-9a-f]{32})\"");

    @TempDir
    Path dir;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private record Run(int exit, String out, String err) {
        String describe() {
            return "exit " + exit + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    private Run cli(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("it.cli.jar", "../client/target/jwtbearer-cli.jar"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString()));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(dir, "out", ".txt");
        Path stderr = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the tool finished: " + command);
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** An admin token the tool itself fetches with the fixture client, as an operator would. */
    private String adminToken(Map<String, String> environment) throws Exception {
        Run token = cli(environment, "token", "--token-url", Fixtures.tokenEndpoint(),
                "--keystore", Fixtures.fixturesDir().resolve(Fixtures.KEYSTORE_FILE).toString(), "--storepass", "env:FIXTURE_PASS",
                "--alias", Fixtures.KEY_CERT, "--client-id", Fixtures.CONFIDENTIAL_CLIENT, "--client-secret", "env:FIXTURE_SECRET",
                "--sub", Fixtures.USER_ADMIN, "--print", "access_token");
        assertEquals(0, token.exit(), token.describe());
        return token.out().strip();
    }

    @Test
    void keygenRegisterTokenCallAgainstTheDeployedProduct() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("FIXTURE_PASS", Fixtures.STOREPASS, "FIXTURE_SECRET", Fixtures.CLIENT_SECRET,
                "NEW_STOREPASS", "new-client-pass"));
        env.put("ADMIN_TOKEN", adminToken(env));
        String clientId = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        Path keystore = dir.resolve("new-client.p12");
        Path cache = dir.resolve("token.json");

        Run keygen = cli(env, "keygen", "--keystore", keystore.toString(), "--storepass", "env:NEW_STOREPASS", "--kid", "cli-key");
        assertEquals(0, keygen.exit(), keygen.describe());
        assertTrue(keygen.out().contains("-----BEGIN CERTIFICATE-----") && keygen.out().contains("\"x5t#S256\""), keygen.out());
        assertTrue(keygen.out().contains("\"kid\":\"cli-key\""), keygen.out());

        Run unknown = cli(env, "register", "--issuer-url", Fixtures.baseUrl(), "--admin-token", "env:ADMIN_TOKEN",
                "--client-id", clientId, "--keystore", keystore.toString(), "--storepass", "env:NEW_STOREPASS", "--kid", "cli-key");
        assertEquals(1, unknown.exit(), unknown.describe());
        assertTrue(unknown.err().contains("add --create"), unknown.describe());

        String[] register = {"register", "--issuer-url", Fixtures.baseUrl(), "--admin-token", "env:ADMIN_TOKEN",
                "--client-id", clientId, "--keystore", keystore.toString(), "--storepass", "env:NEW_STOREPASS", "--kid", "cli-key",
                "--create", "--user-field", "user_name", "--scope", "useraccount"};
        Run created = cli(env, register);
        assertEquals(0, created.exit(), created.describe());
        assertTrue(created.out().contains("Created client '" + clientId + "' with key 'cli-key'"), created.describe());
        Run again = cli(env, register);
        assertEquals(0, again.exit(), again.describe());
        assertTrue(again.out().contains("already registered"), again.describe());

        String[] asTheNewClient = {"--token-url", Fixtures.tokenEndpoint(), "--keystore", keystore.toString(),
                "--storepass", "env:NEW_STOREPASS", "--kid", "cli-key", "--client-id", clientId, "--sub", Fixtures.USER_ITIL};
        Run token = cli(env, concat(new String[] {"token", "--scope", "useraccount"}, asTheNewClient));
        assertEquals(0, token.exit(), token.describe());
        assertTrue(token.out().contains("\"access_token\":\"ey") && token.out().contains("\"token_type\":\"Bearer\""), token.describe());

        Run create = cli(env, concat(new String[] {"call", "POST", "/api/now/table/incident", "--token-cache", cache.toString(),
                "--data", "{\"short_description\":\"Created from the command line\",\"impact\":\"2\",\"urgency\":\"2\"}"}, asTheNewClient));
        assertEquals(0, create.exit(), create.describe());
        Matcher incident = INCIDENT.matcher(create.out());
        assertTrue(incident.find(), create.describe());
        String sysId = incident.group(1) != null ? incident.group(1) : incident.group(4);

        Run read = cli(env, concat(new String[] {"call", "GET", "/api/now/table/incident/" + sysId + "?sysparm_fields=short_description,priority",
                "--token-cache", cache.toString()}, asTheNewClient));
        assertEquals(0, read.exit(), read.describe());
        assertEquals("{\"result\":{\"short_description\":\"Created from the command line\",\"priority\":\"3\"}}", read.out().strip());
        assertTrue(Files.exists(cache));

        Run missing = cli(env, concat(new String[] {"call", "GET", "/api/now/table/incident/" + "0".repeat(32),
                "--token-cache", cache.toString()}, asTheNewClient));
        assertEquals(1, missing.exit(), missing.describe());
        assertTrue(missing.err().contains("HTTP 404: No Record found"), missing.describe());

        for (Run run : List.of(keygen, created, again, token, create, read, missing)) {
            assertFalse((run.out() + run.err()).contains("new-client-pass") || (run.out() + run.err()).contains(env.get("ADMIN_TOKEN")),
                    "no secret is printed: " + run.describe());
        }
    }

    @Test
    void refusalsAreExitCodesAndMessagesAScriptCanUse() throws Exception {
        Map<String, String> env = Map.of("FIXTURE_PASS", Fixtures.STOREPASS, "FIXTURE_SECRET", Fixtures.CLIENT_SECRET);
        String keystore = Fixtures.fixturesDir().resolve(Fixtures.KEYSTORE_FILE).toString();

        Run inactiveUser = cli(env, "token", "--token-url", Fixtures.tokenEndpoint(), "--keystore", keystore, "--storepass",
                "env:FIXTURE_PASS", "--alias", Fixtures.KEY_CERT, "--client-id", Fixtures.CONFIDENTIAL_CLIENT,
                "--client-secret", "env:FIXTURE_SECRET", "--sub", Fixtures.USER_INACTIVE);
        assertEquals(1, inactiveUser.exit(), inactiveUser.describe());
        assertTrue(inactiveUser.err().contains("refused by the token endpoint: invalid_grant (HTTP 400)"), inactiveUser.describe());

        Run wrongSecret = cli(Map.of("FIXTURE_PASS", Fixtures.STOREPASS), "token", "--token-url", Fixtures.tokenEndpoint(),
                "--keystore", keystore, "--storepass", "env:FIXTURE_PASS", "--alias", Fixtures.KEY_CERT,
                "--client-id", Fixtures.CONFIDENTIAL_CLIENT, "--client-secret", "not-the-secret", "--sub", Fixtures.USER_ITIL);
        assertEquals(1, wrongSecret.exit(), wrongSecret.describe());
        assertTrue(wrongSecret.err().contains("invalid_client (HTTP 401)"), wrongSecret.describe());
        assertFalse(wrongSecret.err().contains("not-the-secret"), wrongSecret.describe());

        Path certificate = dir.resolve("it-cert.pem");
        KeyStore store = KeyStore.getInstance(new java.io.File(keystore), Fixtures.STOREPASS.toCharArray());
        Files.writeString(certificate, Pem.encode("CERTIFICATE", store.getCertificate(Fixtures.KEY_CERT).getEncoded()));
        Run notAdmin = cli(env, "register", "--issuer-url", Fixtures.baseUrl(), "--admin-token", "not.a.token",
                "--client-id", Fixtures.PUBLIC_CLIENT, "--certificate", certificate.toString());
        assertEquals(1, notAdmin.exit(), notAdmin.describe());
        assertTrue(notAdmin.err().contains("HTTP 401"), notAdmin.describe());
        Run missingFile = cli(env, "register", "--issuer-url", Fixtures.baseUrl(), "--admin-token", "not.a.token",
                "--client-id", Fixtures.PUBLIC_CLIENT, "--certificate", dir.resolve("missing.pem").toString());
        assertEquals(3, missingFile.exit(), missingFile.describe());

        Run badToken = cli(env, "call", "GET", "/api/now/table/incident", "--base-url", Fixtures.baseUrl(), "--token", "not.a.token");
        assertEquals(1, badToken.exit(), badToken.describe());
        assertTrue(badToken.err().contains("HTTP 401") && badToken.err().contains("invalid_token"), badToken.describe());
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
