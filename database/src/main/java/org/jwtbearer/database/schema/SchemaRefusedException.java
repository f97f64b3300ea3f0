package org.jwtbearer.database.schema;

/**
 * The application cannot use the database: it cannot be reached, its schema is newer than the application knows,
 * or a migration failed. The message is one line an operator can act on; the application must not start.
 */
public class SchemaRefusedException extends RuntimeException {

    public SchemaRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
