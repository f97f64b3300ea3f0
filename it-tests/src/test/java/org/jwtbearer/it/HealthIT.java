package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jwtbearer.it.support.Deployments;
import org.jwtbearer.it.support.Http;
import org.jwtbearer.it.support.PrintLastResponseOnFailure;

/**
 * The MicroProfile Health endpoints of the deployed EAR, where each server serves them (WildFly: its management
 * interface; Payara: its HTTP listener): readiness carries both applications' checks, liveness answers UP.
 * Their DOWN side, with the database stopped, is {@code ClusterIT}'s.
 */
@ExtendWith({ArquillianExtension.class, PrintLastResponseOnFailure.class})
class HealthIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static String healthUrl() {
        return System.getProperty("it.health.url");
    }

    @Test
    void readinessReportsEveryApplicationCheck() {
        HttpResponse<String> ready = Http.get(healthUrl() + "/ready");

        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject check = check(Http.json(ready), "jwtbearer");
        assertEquals("UP", check.getString("status"));
        JsonObject data = check.getJsonObject("data");
        assertEquals("UP database=reachable", data.getString("jwtbearer-issuer-database"));
        assertEquals("UP database=reachable", data.getString("jwtbearer-incident-database"));
        assertTrue(data.getString("jwtbearer-issuer-signing-key").startsWith("UP signing-key="), data.toString());
    }

    @Test
    void livenessIsUp() {
        HttpResponse<String> live = Http.get(healthUrl() + "/live");

        assertEquals(200, live.statusCode(), live.body());
        assertEquals("UP", check(Http.json(live), "jwtbearer-live").getString("status"));
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }
}
