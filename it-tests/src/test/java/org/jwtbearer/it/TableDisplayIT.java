package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jwtbearer.it.fixtures.Fixtures;
import org.jwtbearer.it.support.Deployments;
import org.jwtbearer.it.support.Http;
import org.jwtbearer.it.support.PrintLastResponseOnFailure;
import org.jwtbearer.it.support.Tokens;

/**
 * {@code sysparm_display_value} and reference links: labels for state, priority, impact and urgency, users'
 * display names learned from their access tokens, and links that lead to the {@code sys_user} record.
 */
@ExtendWith({ArquillianExtension.class, PrintLastResponseOnFailure.class})
class TableDisplayIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private String itil;
    private String incident;

    private static String incidents() {
        return Fixtures.baseUrl() + "/api/now/table/incident";
    }

    private static JsonObject get(String url, String token) {
        HttpResponse<String> response = Http.get(url, "Authorization", Http.bearer(token));
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response).getJsonObject("result");
    }

    @BeforeEach
    void createIncidentAssignedToAdmin() {
        itil = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        // The admin calls once, so the API has seen the admin's token and knows the display name.
        assertEquals(200, Http.get(incidents() + "?sysparm_limit=1", "Authorization",
                Http.bearer(Tokens.accessTokenFor(Fixtures.USER_ADMIN))).statusCode());
        HttpResponse<String> created = Http.postRaw(incidents(), "application/json",
                "{\"short_description\":\"Display values\",\"state\":\"2\",\"impact\":\"1\",\"urgency\":\"2\",\"assigned_to\":\""
                        + Fixtures.USER_ADMIN + "\"}",
                "Authorization", Http.bearer(itil));
        assertEquals(201, created.statusCode(), created.body());
        incident = Http.json(created).getJsonObject("result").getString("sys_id");
    }

    @Test
    void whenStoredValuesThenReferencesLinkToUserRecords() {
        JsonObject record = get(incidents() + "/" + incident, itil);

        assertEquals("2", record.getString("state"));
        JsonObject caller = record.getJsonObject("caller_id");
        assertEquals(Fixtures.USER_ITIL, caller.getString("value"));
        assertEquals(Fixtures.baseUrl() + "/api/now/table/sys_user/" + Fixtures.USER_ITIL, caller.getString("link"));

        JsonObject user = get(caller.getString("link"), itil);
        assertEquals(Fixtures.USER_ITIL, user.getString("user_name"));
        assertEquals(Fixtures.displayName(Fixtures.USER_ITIL), user.getString("name"));
        assertEquals(Tokens.claims(itil).getString("sub"), user.getString("sys_id"));
        assertEquals(Fixtures.USER_ITIL, get(Fixtures.baseUrl() + "/api/now/table/sys_user/" + user.getString("sys_id"), itil)
                .getString("user_name"));
    }

    @Test
    void whenDisplayValuesThenLabelsAndNames() {
        JsonObject record = get(incidents() + "/" + incident + "?sysparm_display_value=true&sysparm_exclude_reference_link=true", itil);

        assertEquals("In Progress", record.getString("state"));
        assertEquals("1 - High", record.getString("impact"));
        assertEquals("2 - Medium", record.getString("urgency"));
        assertEquals("2 - High", record.getString("priority"));
        assertEquals(Fixtures.displayName(Fixtures.USER_ITIL), record.getString("caller_id"));
        assertEquals(Fixtures.displayName(Fixtures.USER_ADMIN), record.getString("assigned_to"));
    }

    @Test
    void whenAllThenDisplayValueLinkAndValue() {
        JsonObject record = get(incidents() + "/" + incident + "?sysparm_display_value=all&sysparm_fields=state,assigned_to", itil);

        assertEquals("{\"display_value\":\"In Progress\",\"value\":\"2\"}", record.getJsonObject("state").toString());
        JsonObject assignee = record.getJsonObject("assigned_to");
        assertEquals(Fixtures.displayName(Fixtures.USER_ADMIN), assignee.getString("display_value"));
        assertEquals(Fixtures.USER_ADMIN, assignee.getString("value"));
        assertEquals(Fixtures.baseUrl() + "/api/now/table/sys_user/" + Fixtures.USER_ADMIN, assignee.getString("link"));
        assertEquals(2, record.size(), "only the fields asked for");
    }

    @Test
    void whenDisplayValueOrLinkFlagMalformedThen400Envelope() {
        for (String query : new String[] {"sysparm_display_value=yes", "sysparm_exclude_reference_link=maybe",
                "sysparm_fields=state,nope"}) {
            HttpResponse<String> response = Http.get(incidents() + "/" + incident + "?" + query, "Authorization", Http.bearer(itil));
            assertEquals(400, response.statusCode(), query);
            assertEquals("failure", Http.json(response).getString("status"), query);
        }
    }

    @Test
    void whenUserTableReadWithoutScopeOrTokenThenRefused() {
        String assertion = Fixtures.assertion().issuer(Fixtures.OTHER_SCOPE_CLIENT).build()
                .sign(Fixtures.key(Fixtures.KEY_CERT), Clock.systemUTC());
        HttpResponse<String> tokenResponse = Http.postForm(Fixtures.tokenEndpoint(), Http.grant(assertion));
        assertEquals(200, tokenResponse.statusCode(), tokenResponse.body());
        String users = Fixtures.baseUrl() + "/api/now/table/sys_user";

        HttpResponse<String> noScope = Http.get(users, "Authorization", Http.bearer(Http.json(tokenResponse).getString("access_token")));
        assertEquals(403, noScope.statusCode());
        assertTrue(noScope.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"insufficient_scope\""));
        assertEquals(401, Http.get(users).statusCode());
    }

    @Test
    void whenUserUnknownThen404Envelope() {
        HttpResponse<String> response = Http.get(Fixtures.baseUrl() + "/api/now/table/sys_user/nobody.here",
                "Authorization", Http.bearer(itil));

        assertEquals(404, response.statusCode());
        assertEquals("failure", Http.json(response).getString("status"));
    }
}
