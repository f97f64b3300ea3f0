package org.jwtbearer.database.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class SchemaMigrationTest {

    private static final Schema GOOD = new Schema("test", "classpath:db/test/good", "test_schema_history");
    private static final Schema BROKEN = new Schema("test", "classpath:db/test/broken", "test_schema_history");
    private static final Schema OTHER = new Schema("other", "classpath:db/test/other", "other_schema_history");

    private final DataSource database = freshDatabase();

    @Test
    void migratesAnEmptyDatabaseToTheNewestVersion() throws SQLException {
        assertEquals("2", migrate(GOOD));
        assertEquals(2, count("select count(*) from test_schema_history where success and version is not null"));
        assertEquals(0, count("select count(*) from t_first where name is null"));
    }

    @Test
    void migratingAgainChangesNothing() throws SQLException {
        migrate(GOOD);
        assertEquals("2", migrate(GOOD));
        assertEquals(2, count("select count(*) from test_schema_history where version is not null"));
    }

    @Test
    void adoptsATableMadeBeforeMigrationsExisted() throws SQLException {
        execute("CREATE TABLE t_first (id BIGINT NOT NULL, PRIMARY KEY (id))");
        execute("INSERT INTO t_first (id) VALUES (7)");
        assertEquals("2", migrate(GOOD));
        assertEquals(1, count("select count(*) from t_first where id = 7"));
    }

    @Test
    void applicationsSharingADatabaseKeepTheirOwnHistories() throws SQLException {
        assertEquals("2", migrate(GOOD));
        assertEquals("1", migrate(OTHER));
        assertEquals(1, count("select count(*) from other_schema_history where version = '1'"));
        assertEquals(0, count("select count(*) from t_other"));
    }

    @Test
    void refusesASchemaNewerThanThisBuildKnows() throws SQLException {
        migrate(GOOD);
        execute("INSERT INTO test_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (99, '999', 'from the future', 'SQL', 'V999__f.sql', 0, 'x', 1, true)");
        SchemaRefusedException refused = assertThrows(SchemaRefusedException.class, () -> migrate(GOOD));
        assertTrue(refused.getMessage().contains("version 999, newer than this build knows (up to 2)"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("\n"), "one line");
    }

    @Test
    void refusesWhenAMigrationFails() {
        SchemaRefusedException refused = assertThrows(SchemaRefusedException.class, () -> migrate(BROKEN));
        assertTrue(refused.getMessage().startsWith("Database schema 'test': a migration failed: "), refused.getMessage());
        assertTrue(refused.getMessage().toUpperCase().contains("NO_SUCH_TABLE"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("\n"), "one line");
    }

    @Test
    void refusesADatabaseItCannotReach() {
        JdbcDataSource unreachable = new JdbcDataSource();
        unreachable.setURL("jdbc:h2:tcp://localhost:1/none");
        SchemaRefusedException refused = assertThrows(SchemaRefusedException.class,
                () -> SchemaMigration.migrate(unreachable, GOOD, getClass().getClassLoader()));
        assertTrue(refused.getMessage().startsWith("Database schema 'test': cannot connect to the database"), refused.getMessage());
    }

    @Test
    void nodesStartingAtOnceApplyEachMigrationOnce() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                starts.add(() -> migrate(GOOD));
            }
            for (Future<String> started : nodes.invokeAll(starts)) {
                assertEquals("2", started.get());
            }
        } finally {
            nodes.shutdownNow();
        }
        assertEquals(2, count("select count(*) from test_schema_history where version is not null"));
    }

    @Test
    void aMessageKeepsItsFirstLineAndTheRootCause() {
        Exception failure = new IllegalStateException("Migration failed\nSQL: …\nmore", new SQLException("Connection refused"));
        assertEquals("Migration failed (Connection refused)", SchemaMigration.firstLine(failure));
    }

    private String migrate(Schema schema) {
        return SchemaMigration.migrate(database, schema, getClass().getClassLoader());
    }

    /** Flyway names its history table and columns in lower case, quoted; plain SQL in these tests reads them so. */
    private static DataSource freshDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
        return dataSource;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
