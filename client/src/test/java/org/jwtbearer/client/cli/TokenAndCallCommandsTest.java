package org.jwtbearer.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jwtbearer.client.FakeTokenEndpoint;
import org.jwtbearer.client.FakeTokenEndpoint.Answer;
import org.jwtbearer.client.TestSignatures;
import org.jwtbearer.security.jose.Pem;

/** {@code token} and {@code call} as a script runs them: outputs, exit codes, what never gets printed. */
class TokenAndCallCommandsTest {

    private static final KeyPair KEY = TestSignatures.rsaKeyPair();

    @TempDir
    static Path dir;
    private static Path pemKey;

    private FakeTokenEndpoint endpoint;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void writeKey() throws Exception {
        pemKey = dir.resolve("client-key.pem");
        Files.writeString(pemKey, Pem.encode("PRIVATE KEY", KEY.getPrivate().getEncoded()));
    }

    @BeforeEach
    void start() throws Exception {
        endpoint = new FakeTokenEndpoint();
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return JwtBearerCli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> tokenArgs(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(more.length > 0 && command.equals("call") ? List.of(more[0], more[1]) : List.of());
        args.addAll(List.of("--token-url", endpoint.uri().toString(), "--key", pemKey.toString(), "--kid", "k1",
                "--client-id", "c1", "--client-secret", "pass:hunter2", "--sub", "abel.tuter"));
        args.addAll(List.of(more).subList(command.equals("call") ? Math.min(2, more.length) : 0, more.length));
        return args;
    }

    private int runList(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tokenPrintsTheAnswerOrOneMember() throws Exception {
        endpoint.answer(Answer.json(200, FakeTokenEndpoint.token("tok-1", 1800)));

        assertEquals(0, runList(tokenArgs("token", "--scope", "useraccount")));
        assertTrue(stdout().contains("\"access_token\":\"tok-1\""), stdout());
        assertEquals(0, runList(tokenArgs("token", "--print", "access_token")));
        assertEquals("tok-1", stdout().strip());
        assertEquals(0, runList(tokenArgs("token", "--print", "expires_in")));
        assertEquals("1800", stdout().strip());

        Map<String, String> form = endpoint.received().get(0).form();
        assertEquals("useraccount", form.get("scope"));
        JwtClaims claims = claims(form.get("assertion"));
        assertEquals("c1", claims.getIssuer());
        assertEquals(List.of(endpoint.uri().toString()), claims.getAudience());
        assertTrue(endpoint.received().get(0).header("Authorization").startsWith("Basic "));
    }

    @Test
    void postAuthenticationAndJwkKeyFile() throws Exception {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(KEY.getPublic());
        jwk.setPrivateKey(KEY.getPrivate());
        jwk.setKeyId("from-jwk");
        Path jwkFile = dir.resolve("key.jwk");
        Files.writeString(jwkFile, jwk.toJson(PublicJsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
        endpoint.answer(Answer.json(200, FakeTokenEndpoint.token("tok-1", 1800)));

        assertEquals(0, run("token", "--token-url", endpoint.uri().toString(), "--key", jwkFile.toString(),
                "--client-id", "c1", "--client-secret", "s", "--auth", "post", "--sub", "abel.tuter", "--aud", "c1",
                "--claim", "box_sub_type=enterprise"), stderr());

        Map<String, String> form = endpoint.received().get(0).form();
        assertEquals("s", form.get("client_secret"));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(form.get("assertion"));
        assertEquals("from-jwk", jws.getKeyIdHeaderValue());
        assertEquals("enterprise", claims(form.get("assertion")).getClaimValue("box_sub_type"));
    }

    @Test
    void refusalExitsOneWithTheOAuthErrorAndNoSecret() {
        endpoint.answer(Answer.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The user is not active\"}"));

        assertEquals(1, runList(tokenArgs("token")));

        assertTrue(stderr().contains("invalid_grant (HTTP 400): The user is not active"), stderr());
        assertFalse((stdout() + stderr()).contains("hunter2"));
        assertEquals(1, endpoint.received().size(), "4xx is not retried");
    }

    @Test
    void unreachableEndpointExitsFour() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertEquals(4, run("token", "--token-url", "http://127.0.0.1:" + closedPort + "/oauth_token.do", "--key",
                pemKey.toString(), "--client-id", "c1", "--sub", "u", "--retries", "1"));
        assertTrue(stderr().contains("could not be reached"), stderr());
    }

    @Test
    void localAndUsageProblemsHaveTheirOwnExitCodes() throws Exception {
        Path notAKey = dir.resolve("not-a-key.pem");
        Files.writeString(notAKey, "hello");
        assertEquals(3, run("token", "--token-url", endpoint.uri().toString(), "--key", notAKey.toString(), "--client-id", "c1"));
        assertEquals(3, run("token", "--token-url", endpoint.uri().toString(), "--key", dir.resolve("missing").toString(),
                "--client-id", "c1"));
        assertEquals(2, run("token", "--token-url", "not a url", "--key", pemKey.toString(), "--client-id", "c1"));
        assertEquals(2, run("token", "--token-url", endpoint.uri().toString(), "--key", pemKey.toString(), "--auth", "post",
                "--client-id", "c1"));
        assertEquals(2, run("token", "--token-url", endpoint.uri().toString(), "--key", pemKey.toString(), "--client-id", "c1",
                "--client-secret", "env:JWTBEARER_SURELY_UNSET_VARIABLE"));
        assertTrue(stderr().contains("JWTBEARER_SURELY_UNSET_VARIABLE is not set"), stderr());
        assertTrue(endpoint.received().isEmpty());
    }

    @Test
    void secretsComeFromFilesAndLiterals() throws Exception {
        Path secretFile = dir.resolve("secret.txt");
        Files.writeString(secretFile, "from-file\nsecond line ignored\n");

        assertEquals("from-file", Secrets.resolve("file:" + secretFile));
        assertEquals("env:literal", Secrets.resolve("pass:env:literal"));
        assertEquals("plain", Secrets.resolve("plain"));
        assertEquals("from-env", Secrets.resolve("env:X", name -> name.equals("X") ? "from-env" : null));
    }

    @Test
    void callSendsTheTokenAndPrintsTheBody() {
        endpoint.answer(Answer.json(200, FakeTokenEndpoint.token("tok-1", 1800)));
        endpoint.api().answer(Answer.json(201, "{\"result\":{\"number\":\"INC0010001\"}}"));

        assertEquals(0, runList(tokenArgs("call", "POST", "/api/now/table/incident", "--data", "{\"short_description\":\"x\"}")),
                stderr());

        assertEquals("{\"result\":{\"number\":\"INC0010001\"}}", stdout().strip());
        FakeTokenEndpoint.Received call = endpoint.api().received().get(0);
        assertEquals("POST", call.method());
        assertEquals("/api/now/table/incident", call.path());
        assertEquals("Bearer tok-1", call.header("Authorization"));
        assertEquals("application/json", call.header("Content-Type"));
        assertEquals("{\"short_description\":\"x\"}", call.body());
        assertFalse(stdout().contains("tok-1") || stderr().contains("tok-1"), "the token is never printed by call");
    }

    @Test
    void callWithAnErrorAnswerPrintsItAndExitsOne() {
        endpoint.answer(Answer.json(200, FakeTokenEndpoint.token("tok-1", 1800)));
        endpoint.api().answer(Answer.json(404, "{\"error\":{\"message\":\"No Record found\",\"detail\":\"x\"},\"status\":\"failure\"}"));

        assertEquals(1, runList(tokenArgs("call", "GET", "/api/now/table/incident/0123")));

        assertTrue(stdout().contains("No Record found"), stdout());
        assertTrue(stderr().contains("HTTP 404: No Record found: x"), stderr());
    }

    @Test
    void tokenCacheIsReusedAcrossRunsAndRenewedWhenRefused() throws Exception {
        Path cache = dir.resolve("token-cache-" + System.nanoTime() + ".json");
        endpoint.answer(Answer.json(200, FakeTokenEndpoint.token("tok-1", 1800)), Answer.json(200, FakeTokenEndpoint.token("tok-2", 1800)));
        endpoint.api().answer(Answer.json(200, "{\"result\":[]}"), Answer.json(200, "{\"result\":[]}"),
                Answer.json(401, "{\"error\":{\"message\":\"User Not Authenticated\"}}"), Answer.json(200, "{\"result\":[]}"));

        assertEquals(0, runList(tokenArgs("call", "GET", "/api/now/table/incident", "--token-cache", cache.toString())));
        assertEquals(0, runList(tokenArgs("call", "GET", "/api/now/table/incident", "--token-cache", cache.toString())));
        assertEquals(1, endpoint.received().size(), "the second run used the cached token");
        if (Files.getFileStore(cache).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        }

        assertEquals(0, runList(tokenArgs("call", "GET", "/api/now/table/incident", "--token-cache", cache.toString())));
        assertEquals(2, endpoint.received().size(), "a refused cached token is replaced once");
        assertEquals("Bearer tok-2", endpoint.api().received().get(3).header("Authorization"));

        assertEquals(0, runList(tokenArgs("call", "GET", "/api/now/table/incident", "--token-cache", cache.toString(),
                "--sub", "someone.else")));
        assertEquals(3, endpoint.received().size(), "other settings never reuse the cached token");
    }

    @Test
    void callWithAGivenTokenAsksNoTokenEndpoint() {
        endpoint.api().answer(Answer.json(200, "{\"result\":[]}"));
        String base = endpoint.uri().resolve("/").toString();

        assertEquals(0, run("call", "get", "/api/now/table/incident?sysparm_limit=1", "--base-url", base, "--token", "given",
                "--header", "X-Trace: 7"));

        assertEquals("Bearer given", endpoint.api().received().get(0).header("Authorization"));
        assertEquals("7", endpoint.api().received().get(0).header("X-Trace"));
        assertEquals("/api/now/table/incident?sysparm_limit=1", endpoint.api().received().get(0).path());
        assertTrue(endpoint.received().isEmpty());
        assertEquals(2, run("call", "FETCH", "/x", "--base-url", base, "--token", "t"));
        assertEquals(2, run("call", "GET", "--token", "t"));
    }


    private static JwtClaims claims(String jws) throws Exception {
        return TestSignatures.verifiedClaims(jws, KEY.getPublic());
    }

}
