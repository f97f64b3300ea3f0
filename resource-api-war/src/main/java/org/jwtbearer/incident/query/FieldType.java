package org.jwtbearer.incident.query;

import static org.jwtbearer.incident.query.Operator.*;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of value a queryable field holds, and the operators that make sense on each. */
public enum FieldType {
    STRING("string", EnumSet.of(EQUALS, NOT_EQUALS, LIKE, NOT_LIKE, STARTS_WITH, ENDS_WITH, IN, NOT_IN,
            LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL, IS_EMPTY, IS_NOT_EMPTY)),
    /** A user, stored by user name: queried as a string. */
    REFERENCE("reference", EnumSet.of(EQUALS, NOT_EQUALS, LIKE, NOT_LIKE, STARTS_WITH, ENDS_WITH, IN, NOT_IN,
            IS_EMPTY, IS_NOT_EMPTY)),
    INTEGER("integer", EnumSet.of(EQUALS, NOT_EQUALS, IN, NOT_IN, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL,
            BETWEEN, IS_EMPTY, IS_NOT_EMPTY)),
    BOOLEAN("boolean", EnumSet.of(EQUALS, NOT_EQUALS, IS_EMPTY, IS_NOT_EMPTY)),
    DATE_TIME("date-time", EnumSet.of(EQUALS, NOT_EQUALS, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL, BETWEEN,
            IS_EMPTY, IS_NOT_EMPTY));

    private final String label;
    private final Set<Operator> operators;

    FieldType(String label, Set<Operator> operators) {
        this.label = label;
        this.operators = operators;
    }

    public String label() {
        return label;
    }

    public boolean allows(Operator operator) {
        return operators.contains(operator);
    }

    /** Strings and references: where ServiceNow treats an empty string like no value. */
    public boolean isText() {
        return this == STRING || this == REFERENCE;
    }
}
