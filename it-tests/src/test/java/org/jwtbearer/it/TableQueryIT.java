package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.jwtbearer.it.fixtures.Fixtures;
import org.jwtbearer.it.support.Deployments;
import org.jwtbearer.it.support.Http;
import org.jwtbearer.it.support.PrintLastResponseOnFailure;
import org.jwtbearer.it.support.Tokens;

/**
 * {@code sysparm_query} over real HTTP: every operator, {@code ^OR}, {@code ^NQ}, ordering, pagination with a
 * query, malformed queries, and the caller-only restriction that no query widens. The suite queries only the
 * five incidents it creates (their short descriptions start with a marker of this run), so data of other
 * suites changes nothing.
 */
@ExtendWith({ArquillianExtension.class, PrintLastResponseOnFailure.class})
class TableQueryIT {

    /** Digits 6 to 9 only: nothing the LIKE cases look for ("50", "o_f"…) can turn up in the marker. */
    private static final String MARKER = "qit" + ThreadLocalRandom.current().ints(10, 6, 10).mapToObj(String::valueOf).collect(Collectors.joining());
    /** Restricts a query to this run's incidents. */
    private static final String MINE = "short_descriptionSTARTSWITH" + MARKER + " ";
    private static final Pattern LINK = Pattern.compile("<([^>]*)>;rel=\"([a-z]+)\"");

    private static Map<String, JsonObject> created;
    private static String itil;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /**
     * <pre>
     * label    category  impact urgency priority state        caller       other
     * alpha    network   1      1       1        1 New        bob.plain
     * beta     hardware  2      2       3        2 In Prog.   bob.plain    assigned to alice.itil
     * gamma    "" (empty) 3     3       5        6 Resolved   alice.itil
     * delta    network   1      3       3        7 Closed     alice.itil
     * epsilon  software  3      1       3        3 On Hold    dora.admin   has a description
     * </pre>
     */
    private static synchronized Map<String, JsonObject> incidents() {
        if (created == null) {
            itil = Http.bearer(Tokens.accessTokenFor(Fixtures.USER_ITIL));
            Map<String, JsonObject> records = new LinkedHashMap<>();
            records.put("alpha", create("alpha 50 units", "network", 1, 1, 1, Fixtures.USER_NO_ROLES, null, null));
            records.put("beta", create("beta 50% off_sale", "hardware", 2, 2, 2, Fixtures.USER_NO_ROLES, Fixtures.USER_ITIL, null));
            records.put("gamma", create("gamma caret^x", "", 3, 3, 6, Fixtures.USER_ITIL, null, null));
            records.put("delta", create("delta", "network", 1, 3, 7, Fixtures.USER_ITIL, null, null));
            records.put("epsilon", create("epsilon", "software", 3, 1, 3, Fixtures.USER_ADMIN, null, "has detail"));
            created = records;
        }
        return created;
    }

    private static JsonObject create(String text, String category, int impact, int urgency, int state, String caller,
                                     String assignedTo, String description) {
        var body = Json.createObjectBuilder().add("short_description", MARKER + " " + text)
                .add("impact", String.valueOf(impact)).add("urgency", String.valueOf(urgency)).add("state", String.valueOf(state))
                .add("caller_id", caller);
        Optional.ofNullable(category).ifPresent(c -> body.add("category", c));
        Optional.ofNullable(assignedTo).ifPresent(a -> body.add("assigned_to", a));
        Optional.ofNullable(description).ifPresent(d -> body.add("description", d));
        HttpResponse<String> response = Http.json("POST", incidentsUrl() + "?sysparm_exclude_reference_link=true",
                body.build().toString(), "Authorization", itil);
        assertEquals(201, response.statusCode(), response.body());
        return Http.json(response).getJsonObject("result");
    }

    private static String incidentsUrl() {
        return Fixtures.baseUrl() + "/api/now/table/incident";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpResponse<String> query(String authorization, String query, String more) {
        return Http.get(incidentsUrl() + "?sysparm_exclude_reference_link=true&sysparm_query=" + encode(query) + more,
                "Authorization", authorization);
    }

    /** The labels (alpha, beta…) of the records a query returns, in the order returned. */
    private static List<String> labels(String authorization, String query) {
        HttpResponse<String> response = query(authorization, query, "&sysparm_limit=1000");
        assertEquals(200, response.statusCode(), query + " → " + response.body());
        return labelsOf(response);
    }

    private static List<String> labelsOf(HttpResponse<String> response) {
        return Http.json(response).getJsonArray("result").stream()
                .map(v -> v.asJsonObject().getString("short_description"))
                .filter(s -> s.startsWith(MARKER + " "))
                .map(s -> s.substring(MARKER.length() + 1).split(" ")[0])
                .toList();
    }

    private static String field(String label, String name) {
        return value(incidents().get(label).get(name));
    }

    /** A field's value whether rendered as a plain string or as a reference object ({@code link}, {@code value}). */
    private static String value(JsonValue value) {
        return value instanceof JsonObject reference ? reference.getString("value") : ((jakarta.json.JsonString) value).getString();
    }

    private static Executable expect(String query, String... labels) {
        return () -> assertEquals(List.of(labels), labels(itil, MINE + "^" + query), query);
    }

    @Test
    void whenEachOperatorThenExactlyTheMatchingRecords() {
        incidents();
        String alphaOpened = field("alpha", "opened_at");
        String alphaDay = alphaOpened.substring(0, 10);
        String epsilonDay = field("epsilon", "opened_at").substring(0, 10);
        assertAll(
                expect("category=network", "alpha", "delta"),
                // != leaves out records without a value, as ServiceNow's does: gamma's category is the empty string
                // (which SQL alone would count as different), the others have no description at all (null)
                expect("category!=network", "beta", "epsilon"),
                expect("description!=x", "epsilon"),
                // LIKE takes % and _ literally and ignores case
                expect("short_descriptionLIKE50%", "beta"),
                expect("short_descriptionLIKEo_f"),
                expect("short_descriptionLIKEf_s", "beta"),
                expect("short_descriptionLIKEALPHA", "alpha"),
                expect("short_descriptionLIKEcaret^^x", "gamma"),
                expect("short_descriptionNOTLIKE50", "gamma", "delta", "epsilon"),
                expect("short_descriptionSTARTSWITH" + MARKER + " al", "alpha"),
                expect("short_descriptionENDSWITHsale", "beta"),
                expect("stateIN1,2", "alpha", "beta"),
                expect("stateNOT IN1,2", "gamma", "delta", "epsilon"),
                // NOT IN, like !=, leaves out records without a value
                expect("categoryNOT INnetwork,hardware", "epsilon"),
                expect("caller_idIN" + Fixtures.USER_NO_ROLES + "," + Fixtures.USER_ADMIN, "alpha", "beta", "epsilon"),
                expect("numberIN" + field("gamma", "number") + "," + field("alpha", "number"), "alpha", "gamma"),
                expect("priority<3", "alpha"),
                expect("priority<=3", "alpha", "beta", "delta", "epsilon"),
                expect("priority>3", "gamma"),
                expect("priority>=3", "beta", "gamma", "delta", "epsilon"),
                expect("priority!=3", "alpha", "gamma"),
                expect("priorityBETWEEN2@3", "beta", "delta", "epsilon"),
                expect("impact=1^urgency=3", "delta"),
                expect("sys_mod_count=0", "alpha", "beta", "gamma", "delta", "epsilon"),
                expect("sys_created_by=" + Fixtures.USER_ITIL, "alpha", "beta", "gamma", "delta", "epsilon"),
                expect("active=false", "gamma", "delta"),
                expect("active!=true", "gamma", "delta"),
                expect("categoryISEMPTY", "gamma"),
                expect("categoryISNOTEMPTY", "alpha", "beta", "delta", "epsilon"),
                expect("assigned_toISNOTEMPTY", "beta"),
                expect("assigned_to=", "alpha", "gamma", "delta", "epsilon"),
                expect("resolved_atISNOTEMPTY", "gamma", "delta"),
                expect("resolved_atISEMPTY", "alpha", "beta", "epsilon"),
                // a date-time names its whole second or day: the value a record shows finds that record
                () -> assertTrue(labels(itil, MINE + "^opened_at=" + alphaOpened).contains("alpha")),
                expect("opened_at>=" + alphaOpened, "alpha", "beta", "gamma", "delta", "epsilon"),
                expect("opened_at<" + alphaOpened),
                expect("opened_at<" + alphaDay),
                expect("opened_atBETWEEN" + alphaDay + "@" + epsilonDay, "alpha", "beta", "gamma", "delta", "epsilon"),
                expect("resolved_at>=" + alphaDay, "gamma", "delta"),
                expect("sys_id=" + field("delta", "sys_id"), "delta"));
    }

    @Test
    void whenOrThenItBindsTighterThanAnd() {
        incidents();
        assertAll(
                // (network or hardware) and state 2; a looser OR would also return alpha and delta
                expect("category=network^ORcategory=hardware^state=2", "beta"),
                expect("state=2^category=network^ORcategory=hardware", "beta"),
                expect("categoryISEMPTY^ORcategory=software^ORpriority=1", "alpha", "gamma", "epsilon"));
    }

    @Test
    void whenNewQueryThenUnionOfTheQueriesAndCountOfTheUnion() {
        incidents();
        String union = MINE + "^category=network^NQ" + MINE + "^state=3^ORstate=6";

        HttpResponse<String> response = query(itil, union, "&sysparm_limit=1000");

        assertEquals(List.of("alpha", "gamma", "delta", "epsilon"), labelsOf(response));
        assertEquals("4", response.headers().firstValue("X-Total-Count").orElse(""));
    }

    @Test
    void whenOrderByThenThoseKeysInOrderThenCreationOrder() {
        incidents();
        assertAll(
                expect("ORDERBYDESCpriority^ORDERBYshort_description", "gamma", "beta", "delta", "epsilon", "alpha"),
                expect("ORDERBYpriority^ORDERBYDESCshort_description", "alpha", "epsilon", "delta", "beta", "gamma"),
                // ties (alpha and delta are both network) keep creation order; empty values sort first, and last descending
                expect("ORDERBYcategory", "gamma", "beta", "alpha", "delta", "epsilon"),
                expect("ORDERBYDESCcategory", "epsilon", "alpha", "delta", "beta", "gamma"),
                () -> assertEquals(List.of("delta", "gamma", "alpha", "beta", "epsilon"),
                        labels(itil, "ORDERBYDESCresolved_at^" + MINE), "ORDERBY before the conditions"),
                expect("ORDERBYactive^ORDERBYDESCstate", "delta", "gamma", "epsilon", "beta", "alpha"));
    }

    @Test
    void whenPagedWithQueryThenTotalAndLinksKeepTheQueryAndPagesAddUp() {
        incidents();
        String ordered = MINE + "^ORDERBYDESCpriority^ORDERBYshort_description";
        List<String> seen = new ArrayList<>();

        HttpResponse<String> page = query(itil, ordered, "&sysparm_limit=2&sysparm_fields=short_description");
        int pages = 0;
        while (true) {
            assertEquals(200, page.statusCode(), page.body());
            assertEquals("5", page.headers().firstValue("X-Total-Count").orElse(""));
            seen.addAll(labelsOf(page));
            Map<String, String> links = links(page);
            assertTrue(links.keySet().containsAll(List.of("first", "last")), links.toString());
            assertTrue(links.get("last").contains("sysparm_offset=4"), links.get("last"));
            assertTrue(links.values().stream().allMatch(l -> l.contains("sysparm_query=")), links.toString());
            if (!links.containsKey("next")) {
                break;
            }
            assertTrue(++pages < 5, "too many pages");
            page = Http.get(links.get("next"), "Authorization", itil);
        }

        assertEquals(List.of("gamma", "beta", "delta", "epsilon", "alpha"), seen);
        assertEquals(2, pages);
    }

    private static Map<String, String> links(HttpResponse<String> response) {
        Map<String, String> links = new LinkedHashMap<>();
        Matcher matcher = LINK.matcher(response.headers().firstValue("Link").orElse(""));
        while (matcher.find()) {
            links.put(matcher.group(2), matcher.group(1));
        }
        return links;
    }

    @Test
    void whenQueryMalformedThen400EnvelopeSayingWhatAndWhere() {
        incidents();
        Map<String, String> malformed = new LinkedHashMap<>();
        malformed.put("no_such_field=1", "Unknown field 'no_such_field' in term 1");
        malformed.put(MINE + "^stateSAMEASpriority", "Unknown operator after 'state'");
        malformed.put("opened_atLIKE2024", "Operator LIKE does not apply to the date-time field opened_at");
        malformed.put("active<true", "Operator < does not apply to the boolean field active");
        malformed.put("state=abc", "state is an integer field and 'abc' is not a whole number");
        malformed.put("opened_at>yesterday", "'yesterday' is not yyyy-MM-dd HH:mm:ss or yyyy-MM-dd");
        malformed.put("stateIN", "IN needs at least one value");
        malformed.put("priorityBETWEEN1", "BETWEEN takes two values written low@high");
        malformed.put("caller_id=javascript:gs.getUserID()", "javascript: values are not supported");
        malformed.put("ORstate=1", "^OR has no condition before it");
        malformed.put("ORDERBYsecret_column", "Unknown field 'secret_column' to order by");
        malformed.put("short_descriptionLIKE" + "x".repeat(4000), "sysparm_query is longer than 4000 characters");
        malformed.put("state=1^".repeat(101), "sysparm_query has more than 100 terms");
        for (Map.Entry<String, String> entry : malformed.entrySet()) {
            HttpResponse<String> response = query(itil, entry.getKey(), "");
            String shown = entry.getKey().length() > 60 ? entry.getKey().substring(0, 60) + "…" : entry.getKey();
            assertEquals(400, response.statusCode(), shown);
            JsonObject body = Http.json(response);
            assertEquals("failure", body.getString("status"), shown);
            assertEquals("Invalid query", body.getJsonObject("error").getString("message"), shown);
            String detail = body.getJsonObject("error").getString("detail");
            assertTrue(detail.contains(entry.getValue()), shown + " → " + detail);
            assertFalse(response.headers().firstValue("X-Total-Count").isPresent(), shown);
        }
    }

    @Test
    void whenValueHasUriTemplateOrPercentCharactersThenAnsweredNormally() {
        incidents();
        HttpResponse<String> response = query(itil, MINE + "^short_descriptionLIKE{x}%25/?&#", "&sysparm_limit=1");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("0", response.headers().firstValue("X-Total-Count").orElse(""));
    }

    @Test
    void whenUserWithoutRoleQueriesThenOrAndNewQueryNeverWidenTheCallerRestriction() {
        Map<String, JsonObject> records = incidents();
        String bob = Http.bearer(Tokens.accessTokenFor(Fixtures.USER_NO_ROLES));
        String gammaId = field("gamma", "sys_id");

        assertEquals(List.of("alpha", "beta"), labels(bob, MINE));
        assertEquals(List.of("alpha", "beta"), labels(bob, MINE + "^ORshort_descriptionISNOTEMPTY^ORcaller_id=" + Fixtures.USER_ITIL));
        assertEquals(List.of("alpha", "beta"), labels(bob, MINE + "^NQcaller_id=" + Fixtures.USER_ITIL + "^NQsys_id=" + gammaId));
        assertEquals(List.of(), labels(bob, "sys_id=" + gammaId + "^ORsys_id=" + field("epsilon", "sys_id")));

        for (String widening : List.of("caller_id=" + Fixtures.USER_ITIL, "caller_idISNOTEMPTY^NQcaller_idISEMPTY",
                "caller_id!=" + Fixtures.USER_NO_ROLES + "^ORsys_idISNOTEMPTY", MINE + "^NQ" + MINE + "^ORcaller_idISNOTEMPTY")) {
            HttpResponse<String> response = query(bob, widening, "&sysparm_limit=1000&sysparm_fields=caller_id,sys_id");
            assertEquals(200, response.statusCode(), widening);
            List<JsonValue> result = Http.json(response).getJsonArray("result");
            Map<String, String> callers = result.stream().map(JsonValue::asJsonObject)
                    .collect(Collectors.toMap(r -> r.getString("sys_id"), r -> value(r.get("caller_id"))));
            assertTrue(callers.values().stream().allMatch(Fixtures.USER_NO_ROLES::equals), widening + " → " + callers);
            assertFalse(callers.containsKey(gammaId), widening);
            assertEquals(String.valueOf(result.size()), response.headers().firstValue("X-Total-Count").orElse(""), widening);
        }
        assertEquals(5, labels(itil, MINE + "^NQ" + MINE + "^ORcaller_idISNOTEMPTY").size(), "itil reads all five");
        assertEquals(records.size(), labels(itil, MINE).size());
    }
}
