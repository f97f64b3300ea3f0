package org.jwtbearer.database.outage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import javax.transaction.xa.XAException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;

import org.eclipse.persistence.exceptions.DatabaseException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.jwtbearer.database.testing.OutageChains;

/** Which failures are "the database cannot be reached", as the servers wrap them, and which are not. */
class DatabaseUnavailableTest {

    @Test
    void isCauseWhenServersWrapAConnectionFailureThenTrue() {
        assertTrue(DatabaseUnavailable.isCause(OutageChains.wildFlyRefused()), "WildFly, refused");
        assertTrue(DatabaseUnavailable.isCause(OutageChains.wildFlyPoolExhausted()), "WildFly, pool exhausted");
        assertTrue(DatabaseUnavailable.isCause(OutageChains.wildFlyCommitFailed()), "WildFly, commit failed");
        assertTrue(DatabaseUnavailable.isCause(OutageChains.payaraRefused()), "Payara, refused");
        assertTrue(DatabaseUnavailable.isCause(OutageChains.payaraPoolExhausted()), "Payara, pool exhausted");
    }

    /** A commit lost with its connection: Narayana's RollbackException carries the connector's failure as suppressed. */
    @Test
    void isCauseWhenTheOutageIsASuppressedFailureOfTheCommitThenTrue() {
        RuntimeException commit = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        Exception local = new Exception("IJ001156: Could not commit local transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        commit.addSuppressed(local);

        assertTrue(DatabaseUnavailable.isCause(commit));
        assertFalse(DatabaseUnavailable.isCause(new RuntimeException("plain")), "nothing suppressed, nothing found");
    }

    @Test
    void isCauseWhenSqlStateClass08ThenTrue() {
        assertTrue(DatabaseUnavailable.isCause(new PersistenceException(new SQLException("Connection refused", "08001"))));
        assertTrue(DatabaseUnavailable.isCause(new SQLException("I/O error", "08006")));
        assertTrue(DatabaseUnavailable.isCause(new IllegalStateException("the replay store is unavailable",
                new SQLException("This connection has been closed.", "08003"))));
    }

    @Test
    void isCauseWhenPostgresqlShutsDownOrIsFullThenTrue() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "53300"}) {
            assertTrue(DatabaseUnavailable.isCause(new PersistenceException(new SQLException("terminating", state))), state);
        }
    }

    @Test
    void isCauseWhenJdbcConnectionExceptionKindsWithoutStateThenTrue() {
        assertTrue(DatabaseUnavailable.isCause(new PersistenceException(new SQLTransientConnectionException("Connection is not available, request timed out"))));
        assertTrue(DatabaseUnavailable.isCause(new SQLNonTransientConnectionException("closed")));
        assertTrue(DatabaseUnavailable.isCause(new SQLRecoverableException("Closed Connection")));
    }

    @Test
    void isCauseWhenOnlyAConnectorExceptionThenTrue() {
        assertTrue(DatabaseUnavailable.isCause(new SQLException("IJ031019", new ResourceException("IJ000453: Unable to get managed connection"))));
    }

    @Test
    void isCauseWhenOnlyATransactionSystemExceptionThenTrue() {
        assertTrue(DatabaseUnavailable.isCause(new TransactionalException("enlist failed", new SystemException("ARJUNA016051"))));
    }

    @Test
    void isCauseWhenXaResourceManagerFailedThenTrueAndOtherXaErrorsFalse() {
        assertTrue(DatabaseUnavailable.isCause(new RuntimeException(new XAException(XAException.XAER_RMFAIL))));
        assertFalse(DatabaseUnavailable.isCause(new RuntimeException(new XAException(XAException.XA_RBROLLBACK))));
    }

    @Test
    void isCauseWhenHibernateConnectionExceptionOverStatelessSqlExceptionThenTrueByName() {
        assertTrue(DatabaseUnavailable.isCause(new JDBCConnectionException("Unable to acquire JDBC Connection", new SQLException("no state"))));
    }

    @Test
    void isCauseWhenBatchFailureChainsAConnectionFailureThenTrue() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", new int[0]);
        batch.setNextException(new SQLException("I/O error", "08006"));
        assertTrue(DatabaseUnavailable.isCause(new PersistenceException(batch)));
    }

    @Test
    void isCauseWhenTheDatabaseAnsweredThenFalse() {
        assertFalse(DatabaseUnavailable.isCause(new PersistenceException(new SQLIntegrityConstraintViolationException("duplicate key", "23505"))));
        assertFalse(DatabaseUnavailable.isCause(new PersistenceException(new SQLException("relation does not exist", "42P01"))));
        assertFalse(DatabaseUnavailable.isCause(new PersistenceException(new SQLException("canceling statement due to statement timeout", "57014"))));
        assertFalse(DatabaseUnavailable.isCause(new PersistenceException(new SQLException("no state"))));
        assertFalse(DatabaseUnavailable.isCause(new OptimisticLockException("changed meanwhile")));
        assertFalse(DatabaseUnavailable.isCause(new PersistenceException("no cause")));
    }

    @Test
    void isCauseWhenProviderExceptionOfANonConnectionKindThenFalse() {
        assertFalse(DatabaseUnavailable.isCause(new ConstraintViolationException("duplicate", new SQLException("duplicate key", "23505"))),
                "the Hibernate package alone says nothing");
        assertFalse(DatabaseUnavailable.isCause(new PersistenceException(new DatabaseException("Internal Exception",
                new SQLException("duplicate key", "23505")))), "EclipseLink's DatabaseException stands for every SQL error");
    }

    @Test
    void isCauseWhenTransactionRolledBackForAnotherReasonThenFalse() {
        RollbackException rollback = new RollbackException("marked for rollback");
        assertFalse(DatabaseUnavailable.isCause(new TransactionalException("rolled back", rollback)));
    }

    @Test
    void isCauseWhenNoDatabaseInvolvedThenFalse() {
        assertFalse(DatabaseUnavailable.isCause(new IllegalStateException("the replay store must be written outside any transaction")));
        assertFalse(DatabaseUnavailable.isCause(new NullPointerException()));
        assertFalse(DatabaseUnavailable.isCause(new RuntimeException(new java.net.ConnectException("Connection refused"))),
                "a refused HTTP connection is not the database");
    }

    @Test
    void isCauseWhenCauseChainLoopsThenEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(DatabaseUnavailable.isCause(a));
    }

    @Test
    void evidenceWhenWrappedManyTimesThenTheDriversException() {
        Throwable evidence = DatabaseUnavailable.evidence(OutageChains.wildFlyRefused()).orElseThrow();
        assertEquals("08001", ((SQLException) evidence).getSQLState());
    }

    @Test
    void evidenceWhenNoSqlStateThenTheInnermostConnectorException() {
        Throwable evidence = DatabaseUnavailable.evidence(OutageChains.wildFlyPoolExhausted()).orElseThrow();
        assertTrue(evidence.getMessage().startsWith("IJ000655"), evidence.getMessage());
    }

    @Test
    void evidenceWhenOuterSignalsAndInnerDoesNotThenTheOuter() {
        SQLException outer = new SQLException("refused", "08001", new RuntimeException("detail"));
        assertSame(outer, DatabaseUnavailable.evidence(new PersistenceException(outer)).orElseThrow());
    }

    @Test
    void summaryWhenMessageHasSeveralLinesThenClassAndFirstLineOnly() {
        String summary = DatabaseUnavailable.summary(OutageChains.wildFlyRefused());
        assertEquals("java.sql.SQLException: Connection to localhost:5432 refused. Check that the hostname and port are correct", summary);
    }

    @Test
    void summaryWhenMessageIsLongThenCut() {
        String summary = DatabaseUnavailable.summary(new SQLException("x".repeat(1000), "08001"));
        assertTrue(summary.length() <= 303, summary);
        assertTrue(summary.endsWith("..."));
    }

    @Test
    void summaryWhenNoMessageThenClassName() {
        assertEquals(SystemException.class.getName(), DatabaseUnavailable.summary(new RuntimeException(new SystemException())));
    }
}
