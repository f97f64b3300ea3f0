package org.eclipse.persistence.exceptions;

/**
 * Stands in for EclipseLink's class of this name, which the tests do not have: a {@code RuntimeException} (not a
 * {@code PersistenceException}) that EclipseLink raises for every SQL error, with the driver's exception as cause.
 */
public class DatabaseException extends RuntimeException {

    public DatabaseException(String message, Throwable internalException) {
        super(message, internalException);
    }
}
