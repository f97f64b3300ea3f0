package org.hibernate.exception;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

/** Stands in for Hibernate's class of this name: same package as the connection failure, but no outage. */
public class ConstraintViolationException extends PersistenceException {

    public ConstraintViolationException(String message, SQLException cause) {
        super(message, cause);
    }
}
