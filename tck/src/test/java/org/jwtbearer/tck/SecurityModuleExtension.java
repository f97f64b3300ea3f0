package org.jwtbearer.tck;

import org.jboss.arquillian.container.test.spi.client.deployment.ApplicationArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * The TCK harness as the MicroProfile JWT TCK asks for one: an Arquillian extension (registered in
 * {@code META-INF/services}) whose archive processor makes each TCK WAR an application protected by the
 * security module.
 */
public final class SecurityModuleExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ApplicationArchiveProcessor.class, SecurityModuleArchiveProcessor.class);
    }
}
