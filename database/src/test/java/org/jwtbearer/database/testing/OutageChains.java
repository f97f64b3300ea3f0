package org.jwtbearer.database.testing;

import java.net.ConnectException;
import java.sql.SQLException;

import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;

import org.eclipse.persistence.exceptions.DatabaseException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Failures as the servers build them while PostgreSQL is down, from the logs of WildFly (Hibernate, IronJacamar,
 * Narayana) and Payara (EclipseLink, its connection pool), with the provider classes stood in for.
 */
public final class OutageChains {

    public static final String REFUSED = "Connection to localhost:5432 refused. Check that the hostname and port are correct\n"
            + "and that the postmaster is accepting TCP/IP connections.";

    private OutageChains() {
    }

    /** The driver's own failure: SQLSTATE 08001, sqlclient_unable_to_establish_sqlconnection. */
    public static SQLException driverRefused() {
        return new SQLException(REFUSED, "08001", new ConnectException("Connection refused"));
    }

    /** WildFly: Hibernate could not get a connection from IronJacamar, which could not open one. */
    public static RuntimeException wildFlyRefused() {
        ResourceException create = new ResourceException("IJ031084: Unable to create connection", driverRefused());
        ResourceException managed = new ResourceException("IJ000453: Unable to get managed connection for java:jboss/datasources/IssuerDS", create);
        return new JDBCConnectionException("Unable to acquire JDBC Connection [IJ031084: Unable to create connection]",
                new SQLException("IJ031084: Unable to create connection", managed));
    }

    /** WildFly: the pool is exhausted (the database hangs), and no SQLSTATE anywhere. */
    public static RuntimeException wildFlyPoolExhausted() {
        ResourceException timeout = new ResourceException("IJ000655: No managed connections available within configured blocking timeout (30000 [ms])");
        ResourceException managed = new ResourceException("IJ000453: Unable to get managed connection for java:jboss/datasources/IssuerDS", timeout);
        return new PersistenceException("Unable to acquire JDBC Connection", new SQLException("IJ000453", managed));
    }

    /** WildFly: the connection died under a {@code @Transactional} method; the commit failed. */
    public static RuntimeException wildFlyCommitFailed() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        return new TransactionalException("ARJUNA016102: The transaction is not active!", rollback);
    }

    /** Payara: EclipseLink, wrapped by the entity manager, over the pool's allocation failure. */
    public static RuntimeException payaraRefused() {
        String allocating = "Error in allocating a connection. Cause: Connection could not be allocated because: " + REFUSED;
        Exception pooling = new Exception("Connection could not be allocated because: " + REFUSED, driverRefused());
        SQLException pool = new SQLException(allocating, new ResourceAllocationException(allocating, pooling));
        return new PersistenceException("Exception [EclipseLink-4002] (Eclipse Persistence Services): "
                + "org.eclipse.persistence.exceptions.DatabaseException", new DatabaseException("Internal Exception: " + pool, pool));
    }

    /** Payara: the pool is exhausted; no driver exception at all, only the connector's. */
    public static RuntimeException payaraPoolExhausted() {
        String exhausted = "In-use connections equal max-pool-size and expired max-wait-time. Cannot allocate more connections.";
        SQLException pool = new SQLException("Error in allocating a connection. Cause: " + exhausted,
                new ResourceAllocationException(exhausted));
        return new PersistenceException("Exception [EclipseLink-4002]", new DatabaseException("Internal Exception: " + pool, pool));
    }
}
