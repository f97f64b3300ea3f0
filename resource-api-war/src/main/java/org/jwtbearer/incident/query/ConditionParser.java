package org.jwtbearer.incident.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads one condition, {@code <field><operator><value>}. Field names are lower case and every operator starts with
 * an upper-case letter or a symbol, so the field name is the longest run of {@code [a-z0-9_.]} at the start: a
 * field whose name contains letters of an operator ({@code description} and {@code IN}, {@code state} and
 * {@code STARTSWITH}) cannot be cut short, and {@code statex=1} is the unknown field {@code statex}, not
 * {@code state} with a strange operator.
 */
final class ConditionParser {

    private ConditionParser() {
    }

    static Condition parse(Term term) {
        String text = term.text();
        int end = 0;
        while (end < text.length() && isFieldNameChar(text.charAt(end))) {
            end++;
        }
        String name = text.substring(0, end);
        if (name.isEmpty()) {
            throw term.invalid("A condition must start with a field name");
        }
        QueryField field = QueryField.named(name).orElseThrow(() -> term.invalid("Unknown field '" + name + "'"));
        String afterField = text.substring(end);
        Operator operator = Operator.BY_LONGEST_TOKEN.stream().filter(op -> afterField.startsWith(op.token())).findFirst()
                .orElseThrow(() -> term.invalid((afterField.isEmpty() ? "No operator" : "Unknown operator") + " after '" + name
                        + "'; " + field.type().label() + " fields take " + operatorsOf(field.type())));
        if (!field.type().allows(operator)) {
            throw term.invalid("Operator " + operator.token() + " does not apply to the " + field.type().label() + " field "
                    + name + ", which takes " + operatorsOf(field.type()));
        }
        String value = afterField.substring(operator.token().length());
        return switch (operator) {
            case IS_EMPTY, IS_NOT_EMPTY -> {
                if (!value.isEmpty()) {
                    throw term.invalid(operator.token() + " takes no value");
                }
                yield new Condition.Emptiness(field, operator == Operator.IS_EMPTY);
            }
            case IN, NOT_IN -> new Condition.Membership(field, operator == Operator.NOT_IN, list(field, operator, value, term));
            case BETWEEN -> range(field, value, term);
            case EQUALS, NOT_EQUALS -> field.type().isText() && value.isEmpty()
                    // ServiceNow's "caller_id=" finds records without a caller
                    ? new Condition.Emptiness(field, operator == Operator.EQUALS)
                    : new Condition.Comparison(field, operator, ValueParser.parse(field, operator, value, term));
            default -> new Condition.Comparison(field, operator, ValueParser.parse(field, operator, value, term));
        };
    }

    private static boolean isFieldNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    }

    /** The comma-separated values of IN and NOT IN; empty items (a trailing comma) are skipped. */
    private static List<QueryValue> list(QueryField field, Operator operator, String value, Term term) {
        List<QueryValue> values = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            boolean empty = field.type().isText() ? item.isEmpty() : item.isBlank();
            if (empty) {
                continue;
            }
            if (values.size() == EncodedQueryParser.MAX_LIST_VALUES) {
                throw term.invalid(operator.token() + " takes at most " + EncodedQueryParser.MAX_LIST_VALUES + " values");
            }
            values.add(ValueParser.parse(field, operator, item, term));
        }
        if (values.isEmpty()) {
            throw term.invalid(operator.token() + " needs at least one value");
        }
        return values;
    }

    private static Condition.Range range(QueryField field, String value, Term term) {
        String[] ends = value.split("@", -1);
        if (ends.length != 2) {
            throw term.invalid("BETWEEN takes two values written low@high");
        }
        QueryValue low = ValueParser.parse(field, Operator.BETWEEN, ends[0], term);
        QueryValue high = ValueParser.parse(field, Operator.BETWEEN, ends[1], term);
        if (startOf(low) > startOf(high)) {
            throw term.invalid("BETWEEN low@high has its low value above its high value");
        }
        return new Condition.Range(field, low, high);
    }

    /** Where a BETWEEN end lies, to check the order of the two; only integers and date-times take BETWEEN. */
    private static long startOf(QueryValue value) {
        if (value instanceof QueryValue.Whole whole) {
            return whole.value();
        }
        if (value instanceof QueryValue.Moment moment) {
            return moment.start().getEpochSecond();
        }
        throw new IllegalStateException("BETWEEN on " + value);
    }

    private static String operatorsOf(FieldType type) {
        return Arrays.stream(Operator.values()).filter(type::allows).map(Operator::token).collect(Collectors.joining(" "));
    }
}
