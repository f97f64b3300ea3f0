package org.jwtbearer.issuer.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.jwtbearer.database.schema.SchemaMigration;
import org.jwtbearer.issuer.replay.UsedJtiKey;

/** The issuer's migrations on H2: the used jtis of a version-3 database stay used after the move to numeric keys. */
class IssuerSchemaTest {

    private final DataSource database = freshDatabase();

    @Test
    void migrateWhenUsedJtisExistThenEachKeepsItsJtiUsedUnderItsNumericKey() throws SQLException {
        Flyway.configure().dataSource(database).locations(IssuerSchema.SCHEMA.location())
                .table(IssuerSchema.SCHEMA.historyTable()).target("3").load().migrate();
        execute("INSERT INTO jb_used_jti (client_id, jti_hash, expires_at) VALUES ('client-a', '"
                + "a".repeat(64) + "', 2000000000), ('client-b', '" + "a".repeat(64) + "', 2000000001)");

        SchemaMigration.migrate(database, IssuerSchema.SCHEMA, IssuerSchemaTest.class.getClassLoader());

        assertEquals(2000000000L, expiryOf(UsedJtiKey.of("client-a", "a".repeat(64))));
        assertEquals(2000000001L, expiryOf(UsedJtiKey.of("client-b", "a".repeat(64))));
        SQLException replay = assertThrows(SQLException.class, () -> execute("INSERT INTO jb_used_jti (jti_key, expires_at) VALUES ("
                + UsedJtiKey.of("client-a", "a".repeat(64)) + ", 2000000002)"));
        assertEquals("23505", replay.getSQLState(), "the jti used before the upgrade is still used");
        assertThrows(SQLException.class, () -> execute("SELECT * FROM jb_used_jti_v3"), "the old table is gone");
    }

    @Test
    void usedJtiKeyWhenClientOrJtiDiffersThenKeyDiffers() {
        String jti = "b".repeat(64);
        assertEquals(UsedJtiKey.of("client-a", jti), UsedJtiKey.of("client-a", jti));
        assertEquals(false, UsedJtiKey.of("client-a", jti) == UsedJtiKey.of("client-b", jti));
        assertEquals(false, UsedJtiKey.of("client-a", jti) == UsedJtiKey.of("client-a", "c".repeat(64)));
    }

    private long expiryOf(long key) throws SQLException {
        try (Connection c = database.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT expires_at FROM jb_used_jti WHERE jti_key = ?")) {
            select.setLong(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : -1;
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static DataSource freshDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }
}
