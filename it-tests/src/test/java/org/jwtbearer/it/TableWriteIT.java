package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jwtbearer.it.fixtures.Fixtures;
import org.jwtbearer.it.support.Deployments;
import org.jwtbearer.it.support.Http;
import org.jwtbearer.it.support.PrintLastResponseOnFailure;
import org.jwtbearer.it.support.Tokens;

/**
 * The write side of the incident Table API over HTTP: PUT/PATCH/DELETE for each role, validation, the state
 * and priority rules, If-Match, and concurrent writers. Every test works on incidents it creates itself.
 */
@ExtendWith({ArquillianExtension.class, PrintLastResponseOnFailure.class})
class TableWriteIT {

    /** Reference fields as plain strings, whatever the default rendering is. */
    private static final String PLAIN = "sysparm_exclude_reference_link=true";

    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static String[] as(String userName, String... more) {
        String token = TOKENS.computeIfAbsent(userName, Tokens::accessTokenFor);
        List<String> headers = new ArrayList<>(List.of("Authorization", Http.bearer(token)));
        headers.addAll(List.of(more));
        return headers.toArray(String[]::new);
    }

    private static String incidents() {
        return Fixtures.baseUrl() + "/api/now/table/incident";
    }

    private static String record(String sysId) {
        return incidents() + "/" + sysId + "?" + PLAIN;
    }

    private static String create(String userName, String body) {
        HttpResponse<String> response = Http.postRaw(incidents() + "?" + PLAIN, "application/json", body, as(userName));
        assertEquals(201, response.statusCode(), response.body());
        return result(response).getString("sys_id");
    }

    private static String create() {
        return create(Fixtures.USER_ITIL, "{\"short_description\":\"write-it " + UUID.randomUUID() + "\"}");
    }

    private static JsonObject read(String sysId) {
        HttpResponse<String> response = Http.get(record(sysId), as(Fixtures.USER_ITIL));
        assertEquals(200, response.statusCode(), response.body());
        return result(response);
    }

    private static JsonObject result(HttpResponse<String> response) {
        return Http.json(response).getJsonObject("result");
    }

    /** A field's value, whether rendered as a plain string or as a reference {@code {"link":…,"value":…}}. */
    private static String value(JsonObject record, String field) {
        JsonValue value = record.get(field);
        return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject().getString("value") : record.getString(field);
    }

    private static HttpResponse<String> patch(String sysId, String body, String userName, String... headers) {
        return Http.json("PATCH", record(sysId), body, as(userName, headers));
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
    }

    private static void assertEnvelope(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("failure", Http.json(response).getString("status"));
        assertTrue(Http.json(response).getJsonObject("error").containsKey("message"));
    }

    @Test
    void whenItilPatchesThenFieldChangedAndSysFieldsMaintained() {
        String sysId = create();
        JsonObject before = read(sysId);

        HttpResponse<String> response = patch(sysId, "{\"assigned_to\":\"" + Fixtures.USER_ADMIN + "\",\"category\":\"network\"}",
                Fixtures.USER_ADMIN);

        assertEquals(200, response.statusCode(), response.body());
        JsonObject updated = result(response);
        assertEquals(Fixtures.USER_ADMIN, value(updated, "assigned_to"));
        assertEquals("network", updated.getString("category"));
        assertEquals(before.getString("short_description"), updated.getString("short_description"));
        assertEquals("1", updated.getString("sys_mod_count"));
        assertEquals(Fixtures.USER_ADMIN, value(updated, "sys_updated_by"));
        assertEquals(Fixtures.USER_ITIL, value(updated, "sys_created_by"));
        assertEquals(before.getString("number"), updated.getString("number"));
        assertEquals(updated, read(sysId));
    }

    @Test
    void whenPutThenSameFieldLevelMergeAsPatchAndPriorityRecomputed() {
        String sysId = create();

        HttpResponse<String> put = Http.json("PUT", record(sysId), "{\"impact\":\"1\"}", as(Fixtures.USER_ITIL));
        assertEquals(200, put.statusCode(), put.body());
        assertEquals("1", result(put).getString("impact"));
        assertEquals("3", result(put).getString("urgency"));
        assertEquals("3", result(put).getString("priority"));
        assertTrue(result(put).getString("short_description").startsWith("write-it "));

        HttpResponse<String> patch = patch(sysId, "{\"urgency\":1}", Fixtures.USER_ITIL);
        assertEquals("1", result(patch).getString("priority"));
        assertEquals("2", result(patch).getString("sys_mod_count"));
    }

    @Test
    void whenWrittenUnderV1PathWithSysparmFieldsThenOnlyThoseFieldsAnswered() {
        String sysId = create();

        HttpResponse<String> response = Http.json("PATCH",
                Fixtures.baseUrl() + "/api/now/v1/table/incident/" + sysId + "?sysparm_fields=number,state,active&" + PLAIN,
                "{\"state\":\"2\"}", as(Fixtures.USER_ITIL));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Set.of("number", "state", "active"), result(response).keySet());
        assertEquals("2", result(response).getString("state"));
    }

    @Test
    void whenStateChangesThenActiveAndResolvedAndClosedFollowAndReopeningClearsThem() {
        String sysId = create();

        JsonObject resolved = result(patch(sysId, "{\"state\":\"6\"}", Fixtures.USER_ITIL));
        assertEquals("false", resolved.getString("active"));
        assertFalse(resolved.getString("resolved_at").isEmpty());
        assertEquals("", resolved.getString("closed_at"));

        JsonObject closed = result(patch(sysId, "{\"state\":\"7\"}", Fixtures.USER_ITIL));
        assertEquals(resolved.getString("resolved_at"), closed.getString("resolved_at"));
        assertFalse(closed.getString("closed_at").isEmpty());

        JsonObject reopened = result(patch(sysId, "{\"state\":\"2\"}", Fixtures.USER_ITIL));
        assertEquals("true", reopened.getString("active"));
        assertEquals("", reopened.getString("resolved_at"));
        assertEquals("", reopened.getString("closed_at"));

        JsonObject canceled = result(patch(sysId, "{\"state\":\"8\"}", Fixtures.USER_ITIL));
        assertEquals("false", canceled.getString("active"));
        assertFalse(canceled.getString("closed_at").isEmpty());
        assertEquals("4", canceled.getString("sys_mod_count"));
    }

    @Test
    void whenBodyEmptyOrRepeatsStoredValuesOrNamesReadOnlyFieldsThenNothingChanges() {
        String sysId = create();
        JsonObject before = read(sysId);

        for (String body : List.of("{}", "{\"state\":\"1\",\"impact\":\"3\"}",
                "{\"number\":\"INC9999999\",\"priority\":\"1\",\"active\":\"false\",\"sys_mod_count\":\"42\",\"sys_updated_by\":\"x\",\"opened_at\":\"2000-01-01 00:00:00\"}")) {
            HttpResponse<String> response = patch(sysId, body, Fixtures.USER_ADMIN);
            assertEquals(200, response.statusCode(), body);
            assertEquals(before, result(response), body);
        }
        assertEquals(before, read(sysId));
    }

    @Test
    void whenBodyInvalidThen400EnvelopeAndRecordUntouched() {
        String sysId = create();
        JsonObject before = read(sysId);

        for (String body : List.of("{\"no_such_field\":\"x\"}", "{\"state\":\"4\"}", "{\"state\":\"open\"}", "{\"impact\":\"0\"}",
                "{\"urgency\":\"4\"}", "{\"impact\":2.5}", "{\"short_description\":5}", "{\"category\":[\"a\"]}",
                "{\"short_description\":\"" + "x".repeat(161) + "\"}", "{\"state\":\"2\",\"state\":\"7\"}",
                "not json", "[]", "\"text\"", "{\"state\":\"2\"")) {
            assertEnvelope(400, patch(sysId, body, Fixtures.USER_ITIL));
            assertEnvelope(400, Http.json("PUT", record(sysId), body, as(Fixtures.USER_ITIL)));
        }
        assertEnvelope(413, patch(sysId, "{\"description\":\"" + "x".repeat(70_000) + "\"}", Fixtures.USER_ITIL));
        assertEnvelope(400, patch(sysId, "{}", Fixtures.USER_ITIL, "If-Match", "not-a-tag"));
        assertEnvelope(400, Http.json("PATCH", record(sysId) + "&sysparm_fields=nope", "{\"state\":\"2\"}", as(Fixtures.USER_ITIL)));
        assertEquals(before, read(sysId));
    }

    @Test
    void whenRecordUnknownThen404EnvelopeForEveryWrite() {
        String unknown = "0123456789abcdef0123456789abcdef";

        assertEnvelope(404, patch(unknown, "{\"state\":\"2\"}", Fixtures.USER_ITIL));
        assertEnvelope(404, Http.json("PUT", record(unknown), "{\"state\":\"2\"}", as(Fixtures.USER_ITIL)));
        assertEnvelope(404, Http.json("DELETE", record(unknown), null, as(Fixtures.USER_ADMIN)));
        assertEquals("No Record found", Http.json(patch("not-even-hex", "{}", Fixtures.USER_ITIL)).getJsonObject("error").getString("message"));
    }

    @Test
    void whenItilWithoutAdminDeletesThen403AndRecordKept() {
        String sysId = create();

        assertEnvelope(403, Http.json("DELETE", record(sysId), null, as(Fixtures.USER_ITIL)));

        assertEquals(sysId, read(sysId).getString("sys_id"));
    }

    @Test
    void whenAdminDeletesThen204AndRecordGone() {
        String sysId = create(Fixtures.USER_ADMIN, "{\"short_description\":\"to delete\"}");

        HttpResponse<String> delete = Http.json("DELETE", record(sysId), null, as(Fixtures.USER_ADMIN));

        assertEquals(204, delete.statusCode(), delete.body());
        assertEnvelope(404, Http.get(record(sysId), as(Fixtures.USER_ADMIN)));
        assertEnvelope(404, patch(sysId, "{\"state\":\"2\"}", Fixtures.USER_ADMIN));
        assertEnvelope(404, Http.json("DELETE", record(sysId), null, as(Fixtures.USER_ADMIN)));
    }

    @Test
    void whenUserWithoutRolesWritesThen403EvenOnOwnIncidentAndNothingChanges() {
        String own = create(Fixtures.USER_ITIL, "{\"short_description\":\"Bob's monitor\",\"caller_id\":\"" + Fixtures.USER_NO_ROLES + "\"}");
        String others = create();
        assertEquals(200, Http.get(record(own), as(Fixtures.USER_NO_ROLES)).statusCode());
        JsonObject before = read(own);

        for (String sysId : List.of(own, others, "0123456789abcdef0123456789abcdef")) {
            assertEnvelope(403, patch(sysId, "{\"state\":\"7\"}", Fixtures.USER_NO_ROLES));
            assertEnvelope(403, Http.json("PUT", record(sysId), "{\"state\":\"7\"}", as(Fixtures.USER_NO_ROLES)));
            assertEnvelope(403, Http.json("DELETE", record(sysId), null, as(Fixtures.USER_NO_ROLES)));
        }
        assertEquals(before, read(own));
        assertEnvelope(404, Http.get(record(others), as(Fixtures.USER_NO_ROLES)));
    }

    @Test
    void whenIfMatchCurrentThenWrittenAndWhenStaleThen412WithCurrentTag() {
        HttpResponse<String> created = Http.postRaw(incidents() + "?" + PLAIN, "application/json", "{\"short_description\":\"etag\"}",
                as(Fixtures.USER_ITIL));
        String sysId = result(created).getString("sys_id");
        String first = etag(created);
        assertEquals(first, etag(Http.get(record(sysId), as(Fixtures.USER_ITIL))));

        HttpResponse<String> updated = patch(sysId, "{\"category\":\"software\"}", Fixtures.USER_ITIL, "If-Match", first);
        assertEquals(200, updated.statusCode(), updated.body());
        String second = etag(updated);
        assertNotEquals(first, second);

        HttpResponse<String> stale = patch(sysId, "{\"category\":\"hardware\"}", Fixtures.USER_ITIL, "If-Match", first);
        assertEnvelope(412, stale);
        assertEquals(second, etag(stale));
        assertEnvelope(412, Http.json("PUT", record(sysId), "{\"category\":\"hardware\"}", as(Fixtures.USER_ITIL, "If-Match", first)));
        assertEnvelope(412, Http.json("DELETE", record(sysId), null, as(Fixtures.USER_ADMIN, "If-Match", first)));
        assertEnvelope(412, patch(sysId, "{}", Fixtures.USER_ITIL, "If-Match", "W/" + second));
        assertEquals("software", read(sysId).getString("category"));

        assertEquals(200, patch(sysId, "{\"category\":\"hardware\"}", Fixtures.USER_ITIL, "If-Match", "*").statusCode());
        String third = etag(Http.get(record(sysId), as(Fixtures.USER_ITIL)));
        assertEquals(204, Http.json("DELETE", record(sysId), null, as(Fixtures.USER_ADMIN, "If-Match", "\"x\", " + third)).statusCode());
    }

    @Test
    void whenEightWritersPatchDifferentFieldsAtOnceThenEveryWriteLands() throws Exception {
        String sysId = create();
        Map<String, String> writes = new LinkedHashMap<>();
        writes.put("short_description", "concurrent " + sysId);
        writes.put("description", "written by one of eight");
        writes.put("category", "inquiry");
        writes.put("caller_id", Fixtures.USER_NO_ROLES);
        writes.put("assigned_to", Fixtures.USER_ADMIN);
        writes.put("impact", "1");
        writes.put("urgency", "2");
        writes.put("state", "3");
        as(Fixtures.USER_ITIL);
        as(Fixtures.USER_ADMIN);

        List<HttpResponse<String>> responses = inParallel(writes.size(), writer -> {
            Map.Entry<String, String> write = new ArrayList<>(writes.entrySet()).get(writer);
            String user = writer % 2 == 0 ? Fixtures.USER_ITIL : Fixtures.USER_ADMIN;
            return patch(sysId, "{\"" + write.getKey() + "\":\"" + write.getValue() + "\"}", user);
        });

        responses.forEach(r -> assertEquals(200, r.statusCode(), r.body()));
        JsonObject after = read(sysId);
        writes.forEach((field, expected) -> assertEquals(expected, value(after, field), field));
        assertEquals("2", after.getString("priority"));
        assertEquals(String.valueOf(writes.size()), after.getString("sys_mod_count"));
    }

    @Test
    void whenManyCreatesAtOnceThenNumbersUniqueAndWellFormed() throws Exception {
        int threads = 8;
        int each = 10;
        as(Fixtures.USER_ITIL);

        List<List<String>> numbers = inParallel(threads, writer -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                HttpResponse<String> response = Http.postRaw(incidents() + "?sysparm_fields=number", "application/json",
                        "{\"short_description\":\"parallel " + writer + "/" + i + "\"}", as(Fixtures.USER_ITIL));
                assertEquals(201, response.statusCode(), response.body());
                mine.add(result(response).getString("number"));
            }
            return mine;
        });

        List<String> all = numbers.stream().flatMap(List::stream).toList();
        assertEquals(threads * each, all.size());
        assertEquals(all.size(), new HashSet<>(all).size(), "duplicate numbers: " + all);
        all.forEach(number -> assertTrue(number.matches("INC\\d{7}") && Long.parseLong(number.substring(3)) > 10_000, number));
    }

    private interface Task<T> {
        T run(int index) throws Exception;
    }

    /** Runs {@code count} tasks on as many threads, released together so that they really overlap. */
    private static <T> List<T> inParallel(int count, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CyclicBarrier start = new CyclicBarrier(count);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<T> call = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return task.run(index);
                };
                futures.add(pool.submit(call));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
