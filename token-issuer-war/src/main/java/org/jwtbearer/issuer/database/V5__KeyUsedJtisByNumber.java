package org.jwtbearer.issuer.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jwtbearer.issuer.replay.UsedJtiKey;

/**
 * Keys the used jtis by one number ({@link UsedJtiKey}) instead of (client, jti hash): the row and its index
 * become a fraction of their size, and so does what every token request writes. The rows already there are
 * carried over with their keys computed here, the same way on H2 and PostgreSQL, so an assertion used before the
 * upgrade stays used after it.
 */
public class V5__KeyUsedJtisByNumber extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP INDEX ix_used_jti_expiry");
            ddl.execute("ALTER TABLE jb_used_jti RENAME TO jb_used_jti_v3");
            ddl.execute("CREATE TABLE jb_used_jti (jti_key BIGINT NOT NULL PRIMARY KEY, expires_at BIGINT NOT NULL)");
            ddl.execute("CREATE INDEX ix_used_jti_expiry ON jb_used_jti (expires_at)");
        }
        copyRows(connection);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE jb_used_jti_v3");
        }
    }

    private static void copyRows(Connection connection) throws SQLException {
        Set<Long> keys = new HashSet<>();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT client_id, jti_hash, expires_at FROM jb_used_jti_v3");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO jb_used_jti (jti_key, expires_at) VALUES (?, ?)")) {
            int pending = 0;
            while (rows.next()) {
                long key = UsedJtiKey.of(rows.getString(1), rows.getString(2));
                if (!keys.add(key)) {
                    continue; // two old rows under one key: either one keeps its jti used
                }
                insert.setLong(1, key);
                insert.setLong(2, rows.getLong(3));
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
