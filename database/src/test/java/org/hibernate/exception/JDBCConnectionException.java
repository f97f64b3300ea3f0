package org.hibernate.exception;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

/** Stands in for Hibernate's class of this name (a {@code PersistenceException}, as Hibernate 6's is), which the tests do not have. */
public class JDBCConnectionException extends PersistenceException {

    public JDBCConnectionException(String message, SQLException cause) {
        super(message, cause);
    }
}
