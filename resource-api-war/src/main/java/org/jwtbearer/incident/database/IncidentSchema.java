package org.jwtbearer.incident.database;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jwtbearer.database.schema.Schema;
import org.jwtbearer.database.schema.SchemaMigration;

/**
 * Migrates the incident tables before anything else at start-up reads them (the demo data observes the same
 * event at the default priority, which comes later). A database the API cannot use fails the deployment.
 */
@ApplicationScoped
public class IncidentSchema {

    static final Schema SCHEMA = new Schema("incidents", "classpath:db/migration/incidents", "jb_incident_schema_history");

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object started) {
        SchemaMigration.migrate(dataSource, SCHEMA, IncidentSchema.class.getClassLoader());
    }
}
