package org.jwtbearer.incident.query;

import org.jwtbearer.incident.api.TableApiException;

/** A {@code sysparm_query} that cannot be run: a 400 whose detail says what is wrong and where. */
public final class InvalidQueryException extends TableApiException {

    public static final String MESSAGE = "Invalid query";

    InvalidQueryException(String detail) {
        super(400, MESSAGE, detail);
    }
}
