package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;

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
 * The issuer and a resource server on two different servers: a token issued by the issuer under test is
 * accepted by the resource API of a second server that knows the issuer only by its JWKS URL and identifier.
 * The {@code payara} profile starts that second server (a WildFly the build provisions) beside the Payara
 * under test; the default run has no second server, so this class says so and is skipped there.
 */
@ExtendWith({ArquillianExtension.class, PrintLastResponseOnFailure.class})
class CrossServerIT {

    private static final String PEER = System.getProperty("it.peer.base.url", "");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void needsTheSecondServer() {
        assumeTrue(!PEER.isBlank(), "needs a second server trusting this one's issuer: run with -Ppayara, which starts a "
                + "WildFly beside the Payara under test (it.peer.base.url)");
    }

    private static String peerIncidents() {
        return PEER + "/api/now/table/incident";
    }

    @Test
    void whenTokenFromThisIssuerThenOtherServersResourceApiAcceptsIt() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        assertEquals(Fixtures.baseUrl(), Tokens.claims(token).getString("iss"));

        HttpResponse<String> created = Http.postRaw(peerIncidents(), "application/json",
                "{\"short_description\":\"Raised across servers\"}", "Authorization", Http.bearer(token));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject record = Http.json(created).getJsonObject("result");
        assertEquals(Fixtures.USER_ITIL, record.getString("sys_created_by"));

        HttpResponse<String> read = Http.get(peerIncidents() + "/" + record.getString("sys_id"), "Authorization", Http.bearer(token));
        assertEquals(200, read.statusCode(), read.body());
    }

    @Test
    void whenTokenTamperedOrMissingThenOtherServerRefusesIt() {
        String token = Tokens.accessTokenFor(Fixtures.USER_ITIL);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        HttpResponse<String> refused = Http.get(peerIncidents(), "Authorization", Http.bearer(tampered));
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));
        assertEquals(401, Http.get(peerIncidents()).statusCode());
    }
}
