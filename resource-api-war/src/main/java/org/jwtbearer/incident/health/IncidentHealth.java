package org.jwtbearer.incident.health;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheck;
import org.jwtbearer.health.DatabaseReadiness;
import org.jwtbearer.health.HealthChecks;

/**
 * The Table API is ready while its database answers. The check is made here, at start-up, where the application's
 * datasource and thread factory resolve, and handed to the deployment's {@link HealthChecks}.
 */
@ApplicationScoped
public class IncidentHealth {

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private HealthCheck database;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        deregister();
        database = DatabaseReadiness.of("jwtbearer-incident-database", dataSource, threads);
        HealthChecks.addReadiness(database);
    }

    @PreDestroy
    void deregister() {
        if (database != null) {
            HealthChecks.remove(database);
        }
    }
}
