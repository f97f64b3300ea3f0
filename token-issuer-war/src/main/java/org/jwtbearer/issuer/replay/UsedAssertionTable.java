package org.jwtbearer.issuer.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * The table of used jtis, in plain JDBC: one INSERT per token request, committed on its own. The primary key,
 * a number standing for (client, jti hash) ({@link UsedJtiKey}), is the replay check itself — the database lets exactly one insert win, on one node
 * or many — so there is no read before the insert, no entity and no transaction to coordinate. It runs
 * outside any transaction, so the statement commits by itself and a duplicate rolls back nothing the caller
 * was doing. That is checked rather than arranged with {@code @Transactional(NOT_SUPPORTED)}, whose suspend
 * and resume around every insert showed in the token endpoint's profile.
 */
@ApplicationScoped
public class UsedAssertionTable {

    private static final String INSERT = "INSERT INTO jb_used_jti (jti_key, expires_at) VALUES (?, ?)";
    private static final String PURGE = "DELETE FROM jb_used_jti WHERE expires_at < ?";

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * @return true when the row was inserted; false when it was already there (a replay)
     * @throws IllegalStateException when the database failed and the answer is unknown
     */
    public boolean insertIfAbsent(String clientId, String jtiHash, long expiresAt) {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException("the replay store must be written outside any transaction");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, UsedJtiKey.of(clientId, jtiHash));
            insert.setLong(2, expiresAt);
            insert.executeUpdate();
            commitUnlessAutoCommit(connection);
            return true;
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw new IllegalStateException("the replay store is unavailable: " + e.getMessage(), e);
        }
    }

    /** Deletes the rows that can no longer catch a replay; returns how many. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int purgeExpired(long nowEpochSecond) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement purge = connection.prepareStatement(PURGE)) {
            purge.setLong(1, nowEpochSecond);
            int deleted = purge.executeUpdate();
            commitUnlessAutoCommit(connection);
            return deleted;
        } catch (SQLException e) {
            throw new IllegalStateException("purging the replay store failed: " + e.getMessage(), e);
        }
    }

    private static void commitUnlessAutoCommit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /**
     * SQLSTATE class 23 is "integrity constraint violation" (SQL standard; H2 and PostgreSQL say 23505 for
     * a unique key). The only constraint an insert of two non-null values can break here is the primary key.
     */
    static boolean isDuplicateKey(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (next instanceof SQLIntegrityConstraintViolationException
                    || (next.getSQLState() != null && next.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }
}
