package org.jwtbearer.database.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the schema version this build knows, when the application starts.
 *
 * <p>Flyway applies the numbered migrations in order and records them; on PostgreSQL it holds an advisory lock
 * while it does, so nodes starting at once migrate one after the other and the later ones find the work done,
 * and each migration runs in a transaction, so a failing one leaves nothing behind there (H2 commits each DDL
 * statement by itself: Flyway records the migration as failed, and the next start refuses until it is repaired).
 * The application refuses
 * to start — one {@link SchemaRefusedException} with a line an operator can act on — when the database cannot
 * be reached, holds migrations newer than this build (an older node must not write to a schema it does not
 * know), or a migration fails.
 */
public final class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    private SchemaMigration() {
    }

    /**
     * @param classLoader where the migrations are found: the application's own
     * @return the version the schema is at now
     * @throws SchemaRefusedException when the application must not start on this database
     */
    public static String migrate(DataSource dataSource, Schema schema, ClassLoader classLoader) {
        requireReachable(dataSource, schema);
        Flyway flyway = Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations(schema.location())
                .javaMigrations(schema.javaMigrations().toArray(JavaMigration[]::new))
                .table(schema.historyTable())
                .failOnMissingLocations(true)
                // Applications share a database: another one's tables make it "non-empty" for Flyway. Starting the
                // history below 1 still runs every migration; their CREATE … IF NOT EXISTS adopts a database made
                // by the schema scripts of releases before migrations.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                // Validation must see migrations newer than this build (Flyway ignores them by default).
                .ignoreMigrationPatterns(new String[0])
                .load();
        refuseNewerSchema(flyway, schema);
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (FlywayException e) {
            throw refused("Database schema '" + schema.name() + "': a migration failed: " + firstLine(e), e);
        }
        String version = Optional.ofNullable(flyway.info().current()).map(i -> i.getVersion().getVersion()).orElse("none");
        int applied = result.migrationsExecuted;
        LOG.info(() -> "Database schema '" + schema.name() + "' is at version " + version
                + (applied == 0 ? " (nothing to migrate)" : " (" + applied + " migration(s) applied now)"));
        return version;
    }

    private static void requireReachable(DataSource dataSource, Schema schema) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(5)) {
                throw new SQLException("the connection the datasource gave is not valid");
            }
        } catch (SQLException | RuntimeException e) {
            throw refused("Database schema '" + schema.name() + "': cannot connect to the database (check the"
                    + " datasource's URL, user and password, and that the database is running): " + firstLine(e), e);
        }
    }

    private static void refuseNewerSchema(Flyway flyway, Schema schema) {
        MigrationInfo[] applied;
        try {
            applied = flyway.info().applied();
        } catch (FlywayException e) {
            throw refused("Database schema '" + schema.name() + "': cannot read its history table "
                    + schema.historyTable() + ": " + firstLine(e), e);
        }
        Optional<MigrationInfo> future = Arrays.stream(applied)
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .reduce((first, second) -> second);
        if (future.isPresent()) {
            String known = Arrays.stream(flyway.info().all())
                    .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED
                            && m.getVersion() != null)
                    .reduce((first, second) -> second).map(m -> m.getVersion().getVersion()).orElse("none");
            throw refused("Database schema '" + schema.name() + "' is at version " + future.get().getVersion()
                    + ", newer than this build knows (up to " + known + "): run the newer release, or point this one at"
                    + " another database", null);
        }
    }

    private static SchemaRefusedException refused(String message, Throwable cause) {
        LOG.severe(message);
        return new SchemaRefusedException(message, cause);
    }

    /** Flyway's messages run over many lines (SQL, hints); the first one, and the root cause's, say what happened. */
    static String firstLine(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String own = firstLineOf(failure.getMessage());
        String cause = root == failure ? "" : firstLineOf(root.getMessage());
        return cause.isEmpty() || own.contains(cause) ? own : own + " (" + cause + ")";
    }

    private static String firstLineOf(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.strip();
        int end = trimmed.indexOf('\n');
        return (end < 0 ? trimmed : trimmed.substring(0, end)).strip();
    }
}
