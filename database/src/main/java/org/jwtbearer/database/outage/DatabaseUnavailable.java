package org.jwtbearer.database.outage;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

import javax.transaction.xa.XAException;

import jakarta.transaction.SystemException;

/**
 * Tells a failure caused by an unreachable database from every other failure, by what the JDBC driver, the
 * server's connection pool or the transaction manager left in its cause chain, however the persistence provider
 * (Hibernate on WildFly, EclipseLink on Payara) and the transaction interceptor wrapped it on the way up.
 *
 * <p>A persistence or transaction exception alone proves nothing: a constraint violation, a bad query or a lost
 * optimistic lock is a {@code PersistenceException} too, and answering those "try again shortly" would hide a bug
 * behind a retry loop. What decides is, anywhere in the chain:
 * <ul>
 * <li>a {@link SQLException} of the JDBC connection kinds, or with SQLSTATE class 08 (connection exception), or
 *     one of PostgreSQL's "server going away" states ({@code 57P01}–{@code 57P03}, {@code 53300});</li>
 * <li>a JCA {@code ResourceException}: what WildFly's IronJacamar ({@code IJ000453: Unable to get managed
 *     connection}) and Payara's pool throw when they cannot hand out a connection. Matched by class name, so the
 *     Connectors API need not be on the classpath;</li>
 * <li>a JTA {@link SystemException}, or an {@link XAException} saying the resource manager is unavailable: the
 *     transaction manager could not reach the one resource it coordinates here, the database;</li>
 * <li>Hibernate's {@code org.hibernate.exception.JDBCConnectionException}, by name: Hibernate's own verdict
 *     that the failure was the connection's, whatever SQLSTATE the driver gave. EclipseLink's {@code DatabaseException}
 *     stands for every SQL error, so its name says nothing; the SQLException it wraps as its cause decides.</li>
 * </ul>
 */
public final class DatabaseUnavailable {

    /** Real chains are under ten deep; this only stops a pathological one. */
    private static final int MAX_DEPTH = 64;
    private static final int MAX_SUMMARY_LENGTH = 300;

    /** PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down), too_many_connections. */
    private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private static final Set<String> CONNECTOR_FAILURES = Set.of("jakarta.resource.ResourceException");

    private static final Set<String> PROVIDER_CONNECTION_FAILURES = Set.of("org.hibernate.exception.JDBCConnectionException");

    private DatabaseUnavailable() {
    }

    /** Whether the failure, or anything that caused it, shows that the database could not be reached. */
    public static boolean isCause(Throwable failure) {
        return evidence(failure).isPresent();
    }

    /**
     * The innermost exception in the cause chain that shows the database could not be reached: the most precise
     * one (the driver's "Connection refused" rather than the provider's "Unable to acquire JDBC Connection").
     */
    public static Optional<Throwable> evidence(Throwable failure) {
        return evidence(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /**
     * A commit that failed because the connection went away is a {@code RollbackException} whose evidence hangs off
     * a suppressed exception (the connector's "could not commit local transaction"), not off the cause: those are
     * followed too.
     */
    private static Optional<Throwable> evidence(Throwable failure, Set<Throwable> seen) {
        Throwable found = null;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH && seen.size() < MAX_DEPTH * 4 && seen.add(t);
             t = t.getCause(), depth++) {
            if (signalsOutage(t)) {
                found = t;
            }
            if (t instanceof SQLException sql) {
                found = batchOutage(sql).orElse(found);
            }
            if (found == null) {
                for (Throwable suppressed : t.getSuppressed()) {
                    Optional<Throwable> inside = evidence(suppressed, seen);
                    if (inside.isPresent()) {
                        found = inside.get();
                        break;
                    }
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * One line for the log: the evidence's class and the first line of its message, cut short. A driver's
     * message may span lines (PostgreSQL's adds hints); a log line must stay one line.
     */
    public static String summary(Throwable failure) {
        Throwable shown = evidence(failure).orElse(failure);
        String message = shown.getMessage();
        String line = shown.getClass().getName();
        if (message != null && !message.isBlank()) {
            line += ": " + message.strip().split("[\\r\\n]", 2)[0];
        }
        return line.length() > MAX_SUMMARY_LENGTH ? line.substring(0, MAX_SUMMARY_LENGTH) + "..." : line;
    }

    /** A batch's failures hang off {@link SQLException#getNextException()}, not off the cause. */
    private static Optional<Throwable> batchOutage(SQLException sql) {
        int count = 0;
        for (SQLException next = sql.getNextException(); next != null && next != sql && count < MAX_DEPTH;
             next = next.getNextException(), count++) {
            if (signalsOutage(next)) {
                return Optional.of(next);
            }
        }
        return Optional.empty();
    }

    private static boolean signalsOutage(Throwable t) {
        if (t instanceof SQLException sql) {
            return connectionKind(sql) || outageState(sql.getSQLState());
        }
        if (t instanceof SystemException) {
            return true;
        }
        if (t instanceof XAException xa) {
            return xa.errorCode == XAException.XAER_RMFAIL;
        }
        return isA(t, CONNECTOR_FAILURES) || isA(t, PROVIDER_CONNECTION_FAILURES);
    }

    private static boolean connectionKind(SQLException sql) {
        return sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException
                || sql instanceof SQLRecoverableException;
    }

    private static boolean outageState(String state) {
        return state != null && (state.startsWith("08") || OUTAGE_STATES.contains(state));
    }

    /** Whether the class or one of its superclasses has one of these names. */
    private static boolean isA(Throwable t, Set<String> classNames) {
        for (Class<?> type = t.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            if (classNames.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
