package org.jwtbearer.security.authorization;

import java.util.function.Supplier;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import org.jwtbearer.security.mechanism.BearerVerification;

/**
 * Makes {@code @RolesAllowed}, {@code @PermitAll}, {@code @DenyAll} and {@link RequiresScope} on JAX-RS
 * resources mean what they say, with the same RFC 6750 answers as the bearer mechanism: registered for every
 * application that has this module on its class path (it is a {@code @Provider}), on any JAX-RS
 * implementation, without implementation-specific switches. Roles are the token's {@code groups}, as the
 * mechanism logged the caller in with them.
 *
 * <p>Only methods that carry (or whose class carries) one of the annotations get a filter, so an
 * application that uses none pays nothing.
 */
@Provider
public class BearerAuthorizationFeature implements DynamicFeature {

    private final Supplier<String> realm = new Realm();

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        AccessRule.of(resource.getResourceClass(), resource.getResourceMethod())
                .ifPresent(rule -> context.register(new AuthorizationFilter(rule, realm), Priorities.AUTHORIZATION));
    }

    /** The application's realm, looked up when first needed: providers are not CDI beans everywhere. */
    private static final class Realm implements Supplier<String> {

        private volatile String value;

        @Override
        public String get() {
            String realm = value;
            if (realm == null) {
                realm = CDI.current().select(BearerVerification.class).get().realm();
                value = realm;
            }
            return realm;
        }
    }
}
