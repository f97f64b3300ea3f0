package org.jwtbearer.issuer.database;

import java.util.List;

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
 * Migrates the issuer's tables before anything else at start-up reads them (the bootstrap import, the signing
 * keys, the replay purge observe the same event at the default priority, which comes later). A database the
 * issuer cannot use fails the deployment.
 */
@ApplicationScoped
public class IssuerSchema {

    static final Schema SCHEMA = new Schema("issuer", "classpath:db/migration/issuer", "jb_issuer_schema_history",
            List.of(new V5__KeyUsedJtisByNumber()));

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object started) {
        SchemaMigration.migrate(dataSource, SCHEMA, IssuerSchema.class.getClassLoader());
    }
}
