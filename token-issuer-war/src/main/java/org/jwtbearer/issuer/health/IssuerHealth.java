package org.jwtbearer.issuer.health;

import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.jwtbearer.health.BoundedCall;
import org.jwtbearer.health.DatabaseReadiness;
import org.jwtbearer.health.HealthChecks;
import org.jwtbearer.issuer.keys.IssuerSigningKeys;

/**
 * The issuer is ready while its database answers and it has a key to sign with. The checks are made here, at
 * start-up, where the application's datasource and thread factory resolve, and handed to the deployment's
 * {@link HealthChecks}, which the health endpoint reads from the server's own threads.
 */
@ApplicationScoped
public class IssuerHealth {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @Inject
    IssuerSigningKeys keys;

    private List<HealthCheck> registered = List.of();

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        deregister();
        registered = List.of(DatabaseReadiness.of("jwtbearer-issuer-database", dataSource, threads),
                new SigningKeyReadiness(keys, BoundedCall.onOwnThreads(threads, SigningKeyReadiness.LIMIT)));
        registered.forEach(HealthChecks::addReadiness);
    }

    @PreDestroy
    void deregister() {
        registered.forEach(HealthChecks::remove);
    }
}
