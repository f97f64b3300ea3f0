package org.jwtbearer.incident.query;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The condition operators of an encoded query, spelled as ServiceNow spells them. */
public enum Operator {
    EQUALS("="), NOT_EQUALS("!="),
    LIKE("LIKE"), NOT_LIKE("NOTLIKE"), STARTS_WITH("STARTSWITH"), ENDS_WITH("ENDSWITH"),
    IN("IN"), NOT_IN("NOT IN"),
    LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="),
    BETWEEN("BETWEEN"),
    IS_EMPTY("ISEMPTY"), IS_NOT_EMPTY("ISNOTEMPTY");

    /**
     * Longest spelling first, so the first match is the right one: {@code <=} before {@code <}, {@code !=} before
     * {@code =}, {@code ISNOTEMPTY} before {@code IN}…
     */
    static final List<Operator> BY_LONGEST_TOKEN = Arrays.stream(values())
            .sorted(Comparator.comparingInt((Operator op) -> op.token.length()).reversed()).toList();

    private final String token;

    Operator(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** ISEMPTY and ISNOTEMPTY stand alone; every other operator is followed by a value. */
    public boolean takesValue() {
        return this != IS_EMPTY && this != IS_NOT_EMPTY;
    }

    /** The operators that match only records whose value is set (ServiceNow's negations leave empty values out). */
    public boolean isNegation() {
        return this == NOT_EQUALS || this == NOT_LIKE || this == NOT_IN;
    }
}
