package org.jwtbearer.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jwtbearer.it.fixtures.Fixtures;
import org.jwtbearer.it.support.ItEnvironment;
import org.jwtbearer.it.support.Postgres;
import org.jwtbearer.it.support.ServerNode;
import org.jwtbearer.it.support.ServerNodeDiagnostics;

/**
 * A node that cannot use its database does not start half-way: the EAR is not deployed, readiness never
 * turns UP, and the server log says why — a database that cannot be reached, or a schema newer than the code
 * knows (a downgrade). Both on {@code standalone-postgresql.xml}: the first with
 * {@code jwtbearer.datasource.url=jdbc:postgresql://localhost:1/none} (offset 500), the second against the
 * database {@code jwtbearer_refusal} (offset 600), where the test records a migration 999 in the issuer's
 * Flyway history table ({@code jb_issuer_schema_history}) between a normal start and the refused one.
 */
class StartupRefusalIT {

    private static final String CLOSED_PORT_URL = "jdbc:postgresql://localhost:1/none";
    private static final String HISTORY_TABLE = System.getProperty("it.schema.history.table", "jb_issuer_schema_history");
    private static final String FUTURE_VERSION = "999";
    private static final Duration REFUSAL_TIMEOUT = Duration.ofSeconds(120);

    private static ServerNode closedPort;
    private static ServerNode newerSchema;

    @RegisterExtension
    static final ServerNodeDiagnostics DIAGNOSTICS = new ServerNodeDiagnostics(() -> Arrays.asList(closedPort, newerSchema));

    @AfterAll
    static void stopTheNodes() {
        ServerNode.stopAll(closedPort, newerSchema);
    }

    private static Map<String, String> settings(String name, int portOffset, String datasourceUrl) {
        String own = "http://localhost:" + (8080 + portOffset);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("jwtbearer.datasource.url", datasourceUrl);
        settings.put("jwtbearer.data-dir", ServerNode.directoryOf(name).resolve("jwtbearer-data").toString());
        settings.put("jwtbearer.bootstrap", ItEnvironment.bootstrapFile().toString());
        settings.put("jwtbearer.issuer", own);
        settings.put("mp.jwt.verify.publickey.location", own + "/oauth2/jwks");
        settings.put("mp.jwt.verify.issuer", own);
        settings.put("mp.jwt.verify.audiences", own + "/api");
        settings.put("jwtbearer.revocations.url", own + "/oauth2/revocations");
        settings.put("jwtbearer.revocations.client-id", Fixtures.RESOURCE_SERVER_CLIENT);
        settings.put("jwtbearer.revocations.client-secret", Fixtures.RESOURCE_SERVER_SECRET);
        return settings;
    }

    @Test
    void whenTheDatabaseCannotBeReachedThenTheNodeRefusesToStartAndSaysSo() {
        closedPort = ServerNode.create("refusal-closed-port", ServerNode.POSTGRESQL, 500, settings("refusal-closed-port", 500, CLOSED_PORT_URL));

        String log = closedPort.startExpectingFailure(REFUSAL_TIMEOUT);

        assertRefused(closedPort);
        // Hibernate asks the datasource for a connection while the EAR deploys, before any code of ours runs: the line is
        // then the pool's, naming the datasource; where the provider connects later, it is the schema migration's.
        Optional<String> line = line(log, l -> l.contains("unable to get managed connection for java:jboss/datasources/jwtbearerds")
                || l.contains("cannot connect to the database"));
        assertTrue(line.isPresent(), "server.log has a line naming the datasource that cannot connect; since the start:\n"
                + tail(log, 60) + "\nfailed marker: " + closedPort.failedMarkerText());
        assertTrue(log.toLowerCase(Locale.ROOT).contains("connection to localhost:1 refused"), "the driver's reason is in the log too");
        System.out.println("[StartupRefusalIT] unreachable database: " + line.get().trim());
        closedPort.stop();
    }

    @Test
    void whenTheSchemaIsNewerThanTheCodeThenTheNodeRefusesToStartAndSaysSo() throws SQLException {
        String database = ItEnvironment.refusalDatabase();
        forgetFutureMigration(database);
        newerSchema = ServerNode.create("refusal-newer-schema", ServerNode.POSTGRESQL, 600,
                settings("refusal-newer-schema", 600, ItEnvironment.postgresUrl(database)));
        try {
            newerSchema.start();
            newerSchema.stop();
            recordFutureMigration(database);

            String log = newerSchema.startExpectingFailure(REFUSAL_TIMEOUT);

            assertRefused(newerSchema);
            Optional<String> line = line(log, l -> l.contains("newer"));
            assertTrue(line.isPresent(), "server.log says the schema is newer than the code; since the start:\n"
                    + tail(log, 60) + "\nfailed marker: " + newerSchema.failedMarkerText());
            System.out.println("[StartupRefusalIT] newer schema: " + line.get().trim());
        } finally {
            newerSchema.stop();
            forgetFutureMigration(database);
        }
    }

    /** Not deployed, and (while it still runs) not ready. */
    private static void assertRefused(ServerNode node) {
        assertFalse(node.deployed(), node.name() + ": the EAR must not be deployed");
        assertTrue(node.deploymentFailed() || !node.isRunning(), node.name() + ": the deployment failed (.failed marker) or the server stopped");
        if (node.isRunning()) {
            ServerNode.Health ready = node.readiness();
            assertFalse(ready.up(), node.name() + ": readiness must not be UP: " + ready);
        }
    }

    /** Adds a row for a migration this code does not have: as if a newer version of the product had run. */
    private static void recordFutureMigration(String database) throws SQLException {
        try (Connection connection = Postgres.connect(database)) {
            assertTrue(tableExists(connection), "the first start made the Flyway history table " + HISTORY_TABLE + " in " + database);
            int next;
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*), COALESCE(MAX(installed_rank), 0) + 1 FROM " + HISTORY_TABLE)) {
                rows.next();
                assertTrue(rows.getInt(1) > 0, HISTORY_TABLE + " records the migrations the first start applied");
                next = rows.getInt(2);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + HISTORY_TABLE
                    + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)"
                    + " VALUES (?, ?, ?, 'SQL', ?, 0, ?, 0, TRUE)")) {
                insert.setInt(1, next);
                insert.setString(2, FUTURE_VERSION);
                insert.setString(3, "from a newer release");
                insert.setString(4, "V" + FUTURE_VERSION + "__from_a_newer_release.sql");
                insert.setString(5, ItEnvironment.POSTGRES_USER);
                insert.executeUpdate();
            }
        }
    }

    /** So that the first start of the next run is a normal one again. */
    private static void forgetFutureMigration(String database) throws SQLException {
        try (Connection connection = Postgres.connect(database)) {
            if (tableExists(connection)) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + HISTORY_TABLE + " WHERE version = ?")) {
                    delete.setString(1, FUTURE_VERSION);
                    delete.executeUpdate();
                }
            }
        }
    }

    private static boolean tableExists(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(null, null, HISTORY_TABLE, new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    /** The first line that, in lower case, satisfies {@code test}. */
    private static Optional<String> line(String log, Predicate<String> test) {
        return log.lines().filter(l -> test.test(l.toLowerCase(Locale.ROOT))).findFirst();
    }

    private static String tail(String text, int lines) {
        var all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
