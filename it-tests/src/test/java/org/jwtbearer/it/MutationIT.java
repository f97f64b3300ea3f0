package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.json.Json;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jwtbearer.it.fixtures.Fixtures;
import org.jwtbearer.it.mutation.AnswerCheck;
import org.jwtbearer.it.mutation.Mutator;
import org.jwtbearer.it.mutation.RawRequest;
import org.jwtbearer.it.mutation.RawResponse;
import org.jwtbearer.it.mutation.Templates;
import org.jwtbearer.it.support.Deployments;
import org.jwtbearer.it.support.Http;
import org.jwtbearer.it.support.MutationServerLog;
import org.jwtbearer.it.support.Tokens;
import org.jwtbearer.security.assertion.JwtBearerAssertion;
import org.jwtbearer.security.jose.Pem;

/**
 * Thousands of mutated requests against the deployed EAR — token endpoint, introspection, revocation, JWKS,
 * discovery, the Table API and the admin API; methods, paths, queries, headers, encodings and bodies changed the
 * way a careless or hostile caller would ({@link Mutator}) — and not one may get a 5xx, hang, or show a stack
 * trace or a Java class name, nor make the server log an ERROR with a stack trace.
 *
 * <p>Deterministic: request {@code i} is built from a {@link Random} seeded with the run's seed and {@code i}, so a
 * failure names the seed and number that bring it back. {@code -Dit.mutation.seed}, {@code -Dit.mutation.requests}
 * and {@code -Dit.mutation.only=<number>} (that request alone) choose what runs; every failing request and answer is
 * written in full to {@code target/mutation-report.txt}.
 */
@ExtendWith(ArquillianExtension.class)
class MutationIT {

    private static final long SEED = Long.getLong("it.mutation.seed", 20261203L);
    private static final int REQUESTS = Integer.getInteger("it.mutation.requests", 5000);
    private static final int ONLY = Integer.getInteger("it.mutation.only", -1);
    private static final Path REPORT = Path.of("target", "mutation-report.txt");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void whenRequestsAreMutatedThenNoServerErrorNoStackTraceAndNoLoggedError() throws IOException {
        Templates templates = new Templates(material());
        URI base = URI.create(Fixtures.baseUrl());
        MutationServerLog log = MutationServerLog.ofDeployedServer();
        long mark = log.mark();

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        IntStream numbers = ONLY >= 0 ? IntStream.of(ONLY) : IntStream.range(0, REQUESTS);
        for (int i : numbers.toArray()) {
            Random random = new Random(SEED * 1_000_003L + i);
            RawRequest request = Mutator.mutate(templates.pick(random), random);
            RawResponse response = RawResponse.send(base, request);
            statuses.merge(response.status(), 1, Integer::sum);
            List<String> problems = AnswerCheck.problems(request, response);
            if (!problems.isEmpty()) {
                failures.add("#" + i + " " + problems + "\n" + request.describe() + "\n→ " + response.describe());
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        String written = log.since(mark);
        List<String> logged = MutationServerLog.errorStackTraces(written);
        System.out.printf("MutationIT: seed %d, %d requests in %d s, answers by status %s, %d failing, %d ERROR stack traces logged"
                        + " (and %d WARN ones; %d of the server's listener for URIs it could not decode)%n", SEED, ONLY >= 0 ? 1 : REQUESTS,
                seconds, statuses, failures.size(), logged.size(), MutationServerLog.warningStackTraces(written).size(),
                MutationServerLog.listenerUriDecodingFailures(written).size());
        writeReport(failures, logged, log);

        assertAll(
                () -> assertTrue(failures.isEmpty(), failures.size() + " mutated requests (seed " + SEED + ") got a server error, "
                        + "no answer, or an answer showing the implementation; the first:\n" + first(failures, 5) + "\nall in " + REPORT),
                () -> assertTrue(logged.isEmpty(), logged.size() + " ERROR records with a stack trace in " + log.file()
                        + " during the run; the first:\n" + first(logged, 2)));
    }

    /** Tokens, assertions and records of this run's own for the templates to use. */
    private static Templates.Material material() {
        String admin = Tokens.accessTokenFor(Fixtures.USER_ADMIN);
        String itil = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        String victim = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        List<String> assertions = IntStream.range(0, 40)
                .mapToObj(i -> Fixtures.assertion().build().sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC())).toList();
        // A client assertion of a client that does not exist: refused without counting against a registered one.
        String foreign = JwtBearerAssertion.builder().issuer("mut-nobody").subject("mut-nobody").audience(Fixtures.tokenEndpoint())
                .build().sign(Fixtures.key(Fixtures.KEY_ATTACKER), Clock.systemUTC());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String pem = publicKeyPem();
        String client = "mut-owned-" + suffix;
        created(Http.json("POST", Fixtures.baseUrl() + "/admin/clients", Json.createObjectBuilder().add("client_id", client)
                .add("user_field", "user_name").add("verifier_keys", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("kid", "k1").add("public_key", pem))).build().toString(), "Authorization", Http.bearer(admin)));
        String user = "mut.owned." + suffix;
        created(Http.json("POST", Fixtures.baseUrl() + "/admin/users", "{\"user_name\":\"" + user + "\",\"roles\":[\"itil\"]}",
                "Authorization", Http.bearer(admin)));
        HttpResponse<String> incident = created(Http.json("POST", Fixtures.baseUrl() + "/api/now/table/incident",
                "{\"short_description\":\"MutationIT's own incident\"}", "Authorization", Http.bearer(itil)));
        String sysId = Http.json(incident).getJsonObject("result").getString("sys_id");
        return new Templates.Material(admin, itil, victim, Http.basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET),
                assertions, foreign, client, user, sysId, pem);
    }

    private static HttpResponse<String> created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return response;
    }

    private static String publicKeyPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return Pem.encode("PUBLIC KEY", generator.generateKeyPair().getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String first(List<String> items, int count) {
        return items.stream().limit(count).map(s -> s.length() > 3000 ? s.substring(0, 3000) + "…" : s).collect(Collectors.joining("\n\n"));
    }

    private static void writeReport(List<String> failures, List<String> logged, MutationServerLog log) throws IOException {
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, "seed " + SEED + "\n\n" + failures.size() + " failing requests\n\n" + String.join("\n\n", failures)
                + "\n\n" + logged.size() + " ERROR records with a stack trace in " + log.file() + "\n\n" + String.join("\n", logged));
    }
}
