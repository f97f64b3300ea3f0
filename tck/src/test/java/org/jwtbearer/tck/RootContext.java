package org.jwtbearer.tck;

import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Deploys every TCK WAR at the server's root ({@code /}), with the descriptor of each server the TCK runs on
 * (each server ignores the other's).
 *
 * <p>{@code PublicKeyAsJWKLocationURLTest} and {@code PublicKeyAsPEMLocationURLTest} point
 * {@code mp.jwt.verify.publickey.location} at {@code <mp.jwt.tck.jwks.baseURL>jwks/…} and {@code …pem/…}: their
 * own key endpoints, reachable there only when the application is at the root. The other tests take their URL
 * from Arquillian and do not mind; one rule for all keeps the harness free of per-test cases.
 */
final class RootContext {

    private RootContext() {
    }

    static void apply(WebArchive war) {
        war.addAsWebInfResource(RootContext.class.getResource("jboss-web.xml"), "jboss-web.xml");
        war.addAsWebInfResource(RootContext.class.getResource("glassfish-web.xml"), "glassfish-web.xml");
    }
}
