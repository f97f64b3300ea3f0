package org.jwtbearer.tck;

import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.test.spi.TestClass;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Turns a TCK WAR into what an application team would deploy: the security module in {@code WEB-INF/lib} with
 * what it needs at run time, its MicroProfile settings where every MicroProfile Config reads them, and a context
 * root the TCK's own URLs assume. Nothing here is specific to one server or to one TCK test.
 */
public final class SecurityModuleArchiveProcessor implements ApplicationArchiveProcessor {

    @Override
    public void process(Archive<?> archive, TestClass testClass) {
        if (!(archive instanceof WebArchive war)) {
            return; // every TCK deployment is a WAR; anything else is not ours to change
        }
        war.addAsLibraries(ImplementationJars.fromSystemProperty());
        TckConfiguration.placeOnClassPath(war);
        RootContext.apply(war);
    }
}
