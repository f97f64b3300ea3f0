package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jwtbearer.it.fixtures.Fixtures;
import org.jwtbearer.it.support.Http;
import org.jwtbearer.it.support.ItEnvironment;
import org.jwtbearer.it.support.PrintLastResponseOnFailure;
import org.jwtbearer.it.support.ServerNode;
import org.jwtbearer.it.support.ServerNodeDiagnostics;
import org.jwtbearer.it.support.Tokens;
import org.jwtbearer.security.assertion.JwtBearerAssertion;
import org.jwtbearer.security.assertion.SigningKey;

/**
 * The quick start's configuration on disk: one node on {@code standalone.xml} (the H2 file database in
 * {@code jwtbearer.data-dir}, outside the node directory), no {@code jwtbearer.encryption-key} (the issuer
 * keeps a generated one in {@code <data-dir>/encryption.key}), the fixture registry imported at every start,
 * demo incidents on. What was answered survives a SIGKILL right after the answer, a restart keeps what the
 * admin API changed although the registry file is imported again, demo incidents are seeded once, and a
 * rebuild (the node directory deleted and made afresh) finds everything in the data directory.
 *
 * <p>Settings: {@code jwtbearer.data-dir=<it.work.dir>/durable-data} (deleted before the suite, not created:
 * the first start makes it), {@code jwtbearer.bootstrap}, {@code jwtbearer.incident.demo-data=true},
 * {@code jwtbearer.issuer=http://localhost:8480} and the three {@code mp.jwt.verify.*} for that port.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(PrintLastResponseOnFailure.class)
class DurabilityIT {

    private static final int PORT_OFFSET = 400;
    private static final String BASE_URL = "http://localhost:" + (8080 + PORT_OFFSET);
    private static final String TOKEN_ENDPOINT = BASE_URL + "/oauth_token.do";
    private static final String REPLAY = "The assertion was already used (jti replay)";
    private static final String NOT_VERIFIED = "The assertion could not be verified";
    private static final String USER_NOT_ACTIVE = "The user the assertion names is not active";

    private static Path dataDir;
    private static ServerNode node;
    /** Demo incidents right after the very first start on the empty data directory. */
    private static int demoIncidentsAtFirstStart = -1;
    private static int restartsSinceFirstStart;

    @RegisterExtension
    static final ServerNodeDiagnostics DIAGNOSTICS = new ServerNodeDiagnostics(() -> Collections.singletonList(node));

    @BeforeAll
    static void startOnAnEmptyDataDirectory() {
        dataDir = ItEnvironment.workDir().resolve("durable-data");
        ServerNode.deleteRecursively(dataDir);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("jwtbearer.data-dir", dataDir.toString());
        settings.put("jwtbearer.bootstrap", ItEnvironment.bootstrapFile().toString());
        settings.put("jwtbearer.incident.demo-data", "true");
        settings.put("jwtbearer.issuer", BASE_URL);
        settings.put("mp.jwt.verify.publickey.location", BASE_URL + "/oauth2/jwks");
        settings.put("mp.jwt.verify.issuer", BASE_URL);
        settings.put("mp.jwt.verify.audiences", BASE_URL + "/api");
        settings.put("jwtbearer.revocations.url", BASE_URL + "/oauth2/revocations");
        settings.put("jwtbearer.revocations.client-id", Fixtures.RESOURCE_SERVER_CLIENT);
        settings.put("jwtbearer.revocations.client-secret", Fixtures.RESOURCE_SERVER_SECRET);
        node = ServerNode.create("durable", ServerNode.STANDALONE, PORT_OFFSET, settings);
        node.start();
        demoIncidentsAtFirstStart = countDemoIncidents();
        restartsSinceFirstStart = 0;
    }

    @AfterAll
    static void stopTheNode() {
        ServerNode.stopAll(node);
    }

    @BeforeEach
    void nodeRunning() {
        if (!node.isRunning()) {
            System.out.println("[DurabilityIT] the node was left down by an earlier test; starting it");
            node.start();
            restartsSinceFirstStart++;
        }
    }

    @Test
    @Order(1)
    void whenNoEncryptionKeyIsSetThenTheGeneratedKeyFileIsOwnerOnlyAndLogged() throws IOException {
        Path keyFile = dataDir.resolve("encryption.key");

        assertTrue(Files.isRegularFile(keyFile), "no " + keyFile + "; the data directory holds: " + listing(dataDir));
        assertTrue(Files.size(keyFile) > 0, keyFile + " is empty");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)),
                keyFile + " is readable and writable by its owner only");
        String log = node.serverLog();
        String absolute = keyFile.toAbsolutePath().toString();
        String real = keyFile.toRealPath().toString();
        assertTrue(log.contains(absolute) || log.contains(real), "server.log names the key file " + absolute + "; its lines about "
                + "encryption:\n" + log.lines().filter(l -> l.toLowerCase().contains("encryption")).collect(Collectors.joining("\n")));
    }

    @Test
    @Order(2)
    void whenKilledRightAfterATokenThenAfterRestartItsAssertionIsStillUsedAndTokenAndIncidentRemain() {
        String writer = accessToken(Fixtures.USER_ITIL);
        String description = "durable " + UUID.randomUUID();
        String sysId = createIncident(writer, description);
        String assertion = assertion(Fixtures.USER_ITIL, Fixtures.key(Fixtures.KEY_CERT));

        HttpResponse<String> issued = requestToken(assertion);
        node.kill();

        assertEquals(200, issued.statusCode(), issued.body());
        String token = Http.json(issued).getString("access_token");
        node.start();
        restartsSinceFirstStart++;

        assertRefused(requestToken(assertion), REPLAY, "the assertion answered just before the SIGKILL");
        HttpResponse<String> list = listIncidents(token);
        assertEquals(200, list.statusCode(), "the token issued just before the SIGKILL: " + list.body());
        HttpResponse<String> incident = Http.get(BASE_URL + "/api/now/table/incident/" + sysId + "?sysparm_fields=short_description",
                "Authorization", Http.bearer(token));
        assertEquals(200, incident.statusCode(), "the incident created before the SIGKILL: " + incident.body());
        assertEquals(description, Http.json(incident).getJsonObject("result").getString("short_description"));
        assertEquals(kid(token), kid(accessToken(Fixtures.USER_ITIL)), "the same signing key signs after the restart");
    }

    @Test
    @Order(3)
    void whenRegistryChangedThroughTheAdminApiThenTheChangeSurvivesARestartDespiteTheBootstrapImport() {
        String admin = accessToken(Fixtures.USER_ADMIN);
        // What the changes take away works before them.
        assertEquals(200, requestToken(assertion(Fixtures.USER_ITIL, Fixtures.key(Fixtures.KEY_JWK))).statusCode(), "key it-jwk before");
        assertEquals(200, requestToken(assertion(Fixtures.USER_NO_ROLES, Fixtures.key(Fixtures.KEY_CERT))).statusCode(), "bob.plain before");

        String newName = "renamed " + UUID.randomUUID();
        HttpResponse<String> renamed = admin(admin, "PATCH", "clients/" + Fixtures.PUBLIC_CLIENT,
                Json.createObjectBuilder().add("name", newName).build().toString());
        assertEquals(200, renamed.statusCode(), renamed.body());
        HttpResponse<String> keyRemoved = admin(admin, "DELETE", "clients/" + Fixtures.CONFIDENTIAL_CLIENT + "/keys/" + Fixtures.KEY_JWK, null);
        assertEquals(204, keyRemoved.statusCode(), keyRemoved.body());
        HttpResponse<String> deactivated = admin(admin, "PATCH", "users/" + Fixtures.USER_NO_ROLES, "{\"active\":false}");
        assertEquals(200, deactivated.statusCode(), deactivated.body());
        HttpResponse<String> deleted = admin(admin, "DELETE", "clients/" + Fixtures.OTHER_SCOPE_CLIENT, null);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertRefused(requestToken(assertion(Fixtures.USER_ITIL, Fixtures.key(Fixtures.KEY_JWK))), NOT_VERIFIED, "the removed key, before the restart");

        node.stop();
        node.start();
        restartsSinceFirstStart++;

        String freshAdmin = accessToken(Fixtures.USER_ADMIN);
        HttpResponse<String> client = admin(freshAdmin, "GET", "clients/" + Fixtures.PUBLIC_CLIENT, null);
        assertEquals(200, client.statusCode(), client.body());
        assertEquals(newName, Http.json(client).getJsonObject("result").getString("name", null), "the client's new name");
        HttpResponse<String> keys = admin(freshAdmin, "GET", "clients/" + Fixtures.CONFIDENTIAL_CLIENT + "/keys", null);
        assertEquals(200, keys.statusCode(), keys.body());
        List<String> kids = Http.json(keys).getJsonArray("result").getValuesAs(JsonObject.class).stream()
                .map(k -> k.getString("kid", "(no kid)")).toList();
        assertFalse(kids.contains(Fixtures.KEY_JWK), "the removed key stays removed: " + kids);
        assertTrue(kids.contains(Fixtures.KEY_CERT), "the other keys are still there: " + kids);
        assertRefused(requestToken(assertion(Fixtures.USER_ITIL, Fixtures.key(Fixtures.KEY_JWK))), NOT_VERIFIED, "the removed key, after the restart");
        assertRefused(requestToken(assertion(Fixtures.USER_NO_ROLES, Fixtures.key(Fixtures.KEY_CERT))), USER_NOT_ACTIVE,
                "the deactivated user, after the restart");
        HttpResponse<String> user = admin(freshAdmin, "GET", "users/" + Fixtures.USER_NO_ROLES, null);
        assertEquals(200, user.statusCode(), user.body());
        assertFalse(Http.json(user).getJsonObject("result").getBoolean("active"), user.body());
        HttpResponse<String> gone = admin(freshAdmin, "GET", "clients/" + Fixtures.OTHER_SCOPE_CLIENT, null);
        assertEquals(404, gone.statusCode(), "a client deleted through the admin API is not seeded again: " + gone.body());
    }

    @Test
    @Order(4)
    void whenRestartedTwiceThenDemoIncidentsWereSeededOnlyOnce() {
        while (restartsSinceFirstStart < 2) {
            node.stop();
            node.start();
            restartsSinceFirstStart++;
        }

        assertTrue(demoIncidentsAtFirstStart > 0, "demo incidents were seeded at the first start: " + demoIncidentsAtFirstStart);
        assertEquals(demoIncidentsAtFirstStart, countDemoIncidents(),
                "demo incidents after " + restartsSinceFirstStart + " restarts, as many as after the first start");
    }

    @Test
    @Order(5)
    void whenTheNodeDirectoryIsRebuiltThenEverythingInTheDataDirectoryIsStillThere() throws IOException {
        String token = accessToken(Fixtures.USER_ITIL);
        String description = "rebuild " + UUID.randomUUID();
        String sysId = createIncident(token, description);
        String userName = "durable." + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin(accessToken(Fixtures.USER_ADMIN), "POST", "users",
                Json.createObjectBuilder().add("user_name", userName).add("roles", Json.createArrayBuilder().add("itil")).build().toString());
        assertEquals(201, created.statusCode(), created.body());
        Path keyFile = dataDir.resolve("encryption.key");
        byte[] keyBefore = Files.readAllBytes(keyFile);
        int demoBefore = countDemoIncidents();

        node.stop();
        node.recreateDirectory();
        try (Stream<Path> data = Files.list(node.directory().resolve("data"))) {
            assertEquals(List.of(), data.toList(), "the rebuilt node directory starts with nothing in data/");
        }
        node.start();
        restartsSinceFirstStart++;

        assertArrayEquals(keyBefore, Files.readAllBytes(keyFile), "the key file is kept, unchanged");
        assertEquals(200, listIncidents(token).statusCode(), "the token issued before the rebuild");
        HttpResponse<String> incident = Http.get(BASE_URL + "/api/now/table/incident/" + sysId + "?sysparm_fields=short_description",
                "Authorization", Http.bearer(token));
        assertEquals(200, incident.statusCode(), "the incident created before the rebuild: " + incident.body());
        assertEquals(description, Http.json(incident).getJsonObject("result").getString("short_description"));
        assertEquals(kid(token), kid(accessToken(Fixtures.USER_ITIL)), "the same signing key signs after the rebuild");
        HttpResponse<String> user = admin(accessToken(Fixtures.USER_ADMIN), "GET", "users/" + userName, null);
        assertEquals(200, user.statusCode(), "the user created through the admin API before the rebuild: " + user.body());
        assertEquals(200, requestToken(assertion(userName, Fixtures.key(Fixtures.KEY_CERT))).statusCode(), "a token for that user");
        assertEquals(demoBefore, countDemoIncidents(), "no demo incidents seeded again");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static String assertion(String userName, SigningKey key) {
        return JwtBearerAssertion.builder().issuer(Fixtures.CONFIDENTIAL_CLIENT).subject(userName).audience(TOKEN_ENDPOINT)
                .lifetime(Duration.ofSeconds(120)).build().sign(key, Clock.systemUTC());
    }

    private static HttpResponse<String> requestToken(String assertion) {
        return Http.postForm(TOKEN_ENDPOINT, Http.grant(assertion),
                "Authorization", Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET));
    }

    private static String accessToken(String userName) {
        HttpResponse<String> response = requestToken(assertion(userName, Fixtures.key(Fixtures.KEY_CERT)));
        assertEquals(200, response.statusCode(), "token for " + userName + ": " + response.body());
        return Http.json(response).getString("access_token");
    }

    private static String kid(String jwt) {
        return Tokens.header(jwt).getString("kid");
    }

    private static HttpResponse<String> listIncidents(String token) {
        return Http.get(BASE_URL + "/api/now/table/incident?sysparm_limit=1&sysparm_fields=number", "Authorization", Http.bearer(token));
    }

    private static String createIncident(String token, String description) {
        HttpResponse<String> created = Http.postRaw(BASE_URL + "/api/now/table/incident", "application/json",
                Json.createObjectBuilder().add("short_description", description).build().toString(), "Authorization", Http.bearer(token));
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created).getJsonObject("result").getString("sys_id");
    }

    /** The incidents the demo seeding made (created by "system"; every other incident here is created by a user). */
    private static int countDemoIncidents() {
        String query = URLEncoder.encode("sys_created_by=system", StandardCharsets.UTF_8);
        HttpResponse<String> response = Http.get(BASE_URL + "/api/now/table/incident?sysparm_query=" + query
                + "&sysparm_fields=sys_id&sysparm_limit=10000", "Authorization", Http.bearer(accessToken(Fixtures.USER_ITIL)));
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response).getJsonArray("result").size();
    }

    private static HttpResponse<String> admin(String adminToken, String method, String path, String body) {
        return Http.json(method, BASE_URL + "/admin/" + path, body, "Authorization", Http.bearer(adminToken));
    }

    private static void assertRefused(HttpResponse<String> response, String description, String what) {
        boolean refused = response.statusCode() == 400
                && "invalid_grant".equals(org.jwtbearer.it.support.Exchange.member(response.body(), "error"))
                && description.equals(org.jwtbearer.it.support.Exchange.member(response.body(), "error_description"));
        assertTrue(refused, what + ": expected 400 invalid_grant \"" + description + "\", got " + response.statusCode() + " " + response.body());
    }

    private static String listing(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "(" + dir + " does not exist)";
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().toString();
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }
}
