package org.jwtbearer.incident.query;

import java.util.List;
import java.util.Objects;

/** One condition of an encoded query, e.g. {@code priority<=2}. Each shape checks that it fits its field. */
public sealed interface Condition {

    QueryField field();

    /** {@code =}, {@code !=}, the LIKE family, {@code <}, {@code <=}, {@code >}, {@code >=}: one value. */
    record Comparison(QueryField field, Operator operator, QueryValue value) implements Condition {
        public Comparison {
            Objects.requireNonNull(value, "value");
            requireAllowed(field, operator);
            if (!operator.takesValue() || operator == Operator.IN || operator == Operator.NOT_IN || operator == Operator.BETWEEN) {
                throw new IllegalArgumentException(operator + " is not a comparison");
            }
        }
    }

    /** {@code IN} or, negated, {@code NOT IN}: at least one value. */
    record Membership(QueryField field, boolean negated, List<QueryValue> values) implements Condition {
        public Membership {
            requireAllowed(field, negated ? Operator.NOT_IN : Operator.IN);
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("IN needs at least one value");
            }
        }
    }

    /** {@code BETWEEN low@high}, both ends included. */
    record Range(QueryField field, QueryValue low, QueryValue high) implements Condition {
        public Range {
            requireAllowed(field, Operator.BETWEEN);
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
        }
    }

    /** {@code ISEMPTY} or, when {@code empty} is false, {@code ISNOTEMPTY}. */
    record Emptiness(QueryField field, boolean empty) implements Condition {
        public Emptiness {
            requireAllowed(field, empty ? Operator.IS_EMPTY : Operator.IS_NOT_EMPTY);
        }
    }

    private static void requireAllowed(QueryField field, Operator operator) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        if (!field.type().allows(operator)) {
            throw new IllegalArgumentException(operator.token() + " does not apply to " + field.fieldName());
        }
    }
}
