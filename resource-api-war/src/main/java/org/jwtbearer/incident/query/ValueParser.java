package org.jwtbearer.incident.query;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads one value of a condition as its field's type; a value that is not of that type is refused here. */
final class ValueParser {

    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private ValueParser() {
    }

    static QueryValue parse(QueryField field, Operator operator, String raw, Term term) {
        // ServiceNow evaluates these as server-side scripts; here they would silently become literal strings.
        if (raw.strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) {
            throw term.invalid("javascript: values are not supported, give the value itself");
        }
        String name = field.fieldName();
        return switch (field.type()) {
            case STRING, REFERENCE -> {
                if (raw.isEmpty()) {
                    throw term.invalid(operator.token() + " on " + name + " needs a value");
                }
                yield new QueryValue.Text(raw);
            }
            case INTEGER -> {
                if (!WHOLE.matcher(raw.strip()).matches()) {
                    throw term.invalid(name + " is an integer field and '" + raw + "' is not a whole number");
                }
                yield new QueryValue.Whole(Long.parseLong(raw.strip()));
            }
            case BOOLEAN -> {
                String value = raw.strip();
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw term.invalid(name + " is a boolean field and takes true or false, not '" + raw + "'");
                }
                yield new QueryValue.Flag(value.equalsIgnoreCase("true"));
            }
            case DATE_TIME -> moment(name, raw, term);
        };
    }

    private static QueryValue.Moment moment(String name, String raw, Term term) {
        String value = raw.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value, DATE);
                return new QueryValue.Moment(day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            LocalDateTime second = LocalDateTime.parse(value, DATE_TIME);
            return new QueryValue.Moment(second.toInstant(ZoneOffset.UTC), second.plusSeconds(1).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw term.invalid(name + " is a date-time field and '" + raw + "' is not yyyy-MM-dd HH:mm:ss or yyyy-MM-dd (UTC)");
        }
    }
}
