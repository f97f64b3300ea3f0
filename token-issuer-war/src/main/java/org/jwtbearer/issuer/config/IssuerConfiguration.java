package org.jwtbearer.issuer.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

/** Produces the settings and the clock every request reads once (records and clocks are not proxied: singletons). */
@ApplicationScoped
public class IssuerConfiguration {

    @Inject
    Config config;

    @Produces
    @Singleton
    IssuerSettings settings() {
        return IssuerSettings.from(config);
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
