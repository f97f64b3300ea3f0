package org.jwtbearer.incident.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;

import org.jwtbearer.incident.model.IncidentState;

/**
 * An {@link EncodedQuery} as JPA Criteria: the names come from the field whitelist, the values go to the
 * CriteriaBuilder as typed values (bound by the provider), never into query text. Only portable Criteria is
 * used, so EclipseLink runs it as Hibernate does.
 *
 * <p>Semantics the Table API documents:
 * <ul>
 *   <li>Empty means null, and for strings and references also the empty string.</li>
 *   <li>The negations ({@code !=}, {@code NOTLIKE}, {@code NOT IN}) match only records whose value is set, as
 *       ServiceNow's do: {@code category!=network} does not return incidents without a category.</li>
 *   <li>{@code LIKE}, {@code NOTLIKE}, {@code STARTSWITH}, {@code ENDSWITH} ignore letter case and take the value
 *       literally ({@code %} and {@code _} are not wildcards); {@code =}, {@code IN} compare exactly.</li>
 *   <li>A date-time value is the whole second (or day) it names: see {@link QueryValue.Moment}.</li>
 *   <li>Sorting puts empty values first, then ascending values (reversed by ORDERBYDESC), on every database.</li>
 * </ul>
 */
public final class QueryCriteria {

    private static final char LIKE_ESCAPE = '!';

    private QueryCriteria() {
    }

    /** The restriction the query makes on {@code incident}, or empty when it makes none. */
    public static Optional<Predicate> predicate(CriteriaBuilder cb, Path<?> incident, EncodedQuery query) {
        if (query.branches().isEmpty()) {
            return Optional.empty();
        }
        List<Predicate> branches = new ArrayList<>();
        for (EncodedQuery.Branch branch : query.branches()) {
            List<Predicate> clauses = new ArrayList<>();
            for (EncodedQuery.Clause clause : branch.clauses()) {
                clauses.add(cb.or(clause.alternatives().stream().map(c -> condition(cb, incident, c)).toArray(Predicate[]::new)));
            }
            branches.add(cb.and(clauses.toArray(Predicate[]::new)));
        }
        return Optional.of(cb.or(branches.toArray(Predicate[]::new)));
    }

    /** The query's sort keys, empty values first; the caller appends its own tiebreaker. */
    public static List<Order> ordering(CriteriaBuilder cb, Path<?> incident, EncodedQuery query) {
        List<Order> orders = new ArrayList<>();
        for (EncodedQuery.SortKey key : query.sortKeys()) {
            Path<?> path = incident.get(key.field().attribute());
            FieldType type = key.field().type();
            if (type.isText() || type == FieldType.DATE_TIME) {
                // Databases disagree on where NULL sorts (H2 first, PostgreSQL last); say it explicitly.
                Expression<Integer> emptyLast = cb.<Integer>selectCase().when(cb.isNull(path), 0).otherwise(1);
                orders.add(key.descending() ? cb.desc(emptyLast) : cb.asc(emptyLast));
            }
            orders.add(key.descending() ? cb.desc(path) : cb.asc(path));
        }
        return orders;
    }

    private static Predicate condition(CriteriaBuilder cb, Path<?> incident, Condition condition) {
        Path<?> path = incident.get(condition.field().attribute());
        FieldType type = condition.field().type();
        if (condition instanceof Condition.Emptiness emptiness) {
            return emptiness.empty() ? empty(cb, path, type) : present(cb, path, type);
        }
        if (condition instanceof Condition.Membership membership) {
            List<Object> values = membership.values().stream().<Object>map(v -> bindable(path, v)).toList();
            Predicate in = path.in(values);
            return membership.negated() ? cb.and(present(cb, path, type), cb.not(in)) : in;
        }
        if (condition instanceof Condition.Range range) {
            if (range.low() instanceof QueryValue.Moment low && range.high() instanceof QueryValue.Moment high) {
                return cb.and(compare(cb, path, Operator.GREATER_OR_EQUAL, low.start()), compare(cb, path, Operator.LESS, high.end()));
            }
            return cb.and(compare(cb, path, Operator.GREATER_OR_EQUAL, bindable(path, range.low())),
                    compare(cb, path, Operator.LESS_OR_EQUAL, bindable(path, range.high())));
        }
        Condition.Comparison comparison = (Condition.Comparison) condition;
        Predicate match = comparison.value() instanceof QueryValue.Moment moment
                ? period(cb, path, comparison.operator(), moment)
                : comparison.value() instanceof QueryValue.Flag flag
                ? activeFlag(incident, condition.field(), comparison.operator(), flag)
                : comparison(cb, path, comparison.operator(), comparison.value());
        return comparison.operator().isNegation() ? cb.and(present(cb, path, type), match) : match;
    }

    private static Predicate comparison(CriteriaBuilder cb, Path<?> path, Operator operator, QueryValue value) {
        if (value instanceof QueryValue.Text text) {
            switch (operator) {
                case LIKE:
                    return like(cb, path, "%" + escapeLike(text.value()) + "%");
                case NOT_LIKE:
                    return cb.not(like(cb, path, "%" + escapeLike(text.value()) + "%"));
                case STARTS_WITH:
                    return like(cb, path, escapeLike(text.value()) + "%");
                case ENDS_WITH:
                    return like(cb, path, "%" + escapeLike(text.value()));
                default:
                    break;
            }
        }
        Comparable<?> bound = bindable(path, value);
        return operator == Operator.NOT_EQUALS ? cb.not(compare(cb, path, Operator.EQUALS, bound)) : compare(cb, path, operator, bound);
    }

    /**
     * {@code active=true} or {@code active!=true} as the states it follows from ({@link IncidentState#active()}, set
     * together with the state by {@code Incident.changeState}), not as a comparison of the BOOLEAN column with a
     * boolean value: EclipseLink (Payara) writes that value into the SQL as 1 or 0 whenever a statement also calls
     * a function such as LOWER, and H2 2.x refuses to compare a BOOLEAN with an INTEGER.
     */
    private static Predicate activeFlag(Path<?> incident, QueryField field, Operator operator, QueryValue.Flag flag) {
        if (field != QueryField.ACTIVE) {
            throw new IllegalStateException("No boolean field but active is queryable: " + field);
        }
        boolean wanted = operator == Operator.EQUALS ? flag.value() : !flag.value();
        List<Integer> states = Arrays.stream(IncidentState.values()).filter(s -> s.active() == wanted).map(IncidentState::value).toList();
        return incident.get("state").in(states);
    }

    /** A date-time operator over the period [start, end) the value names. */
    private static Predicate period(CriteriaBuilder cb, Path<?> path, Operator operator, QueryValue.Moment moment) {
        return switch (operator) {
            case EQUALS -> cb.and(compare(cb, path, Operator.GREATER_OR_EQUAL, moment.start()), compare(cb, path, Operator.LESS, moment.end()));
            case NOT_EQUALS -> cb.or(compare(cb, path, Operator.LESS, moment.start()), compare(cb, path, Operator.GREATER_OR_EQUAL, moment.end()));
            case LESS -> compare(cb, path, Operator.LESS, moment.start());
            case LESS_OR_EQUAL -> compare(cb, path, Operator.LESS, moment.end());
            case GREATER -> compare(cb, path, Operator.GREATER_OR_EQUAL, moment.end());
            case GREATER_OR_EQUAL -> compare(cb, path, Operator.GREATER_OR_EQUAL, moment.start());
            default -> throw new IllegalStateException(operator + " on a date-time");
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate compare(CriteriaBuilder cb, Path<?> path, Operator operator, Comparable value) {
        Expression<Comparable> expression = (Expression<Comparable>) path;
        return switch (operator) {
            case EQUALS -> cb.equal(expression, value);
            case LESS -> cb.lessThan(expression, value);
            case LESS_OR_EQUAL -> cb.lessThanOrEqualTo(expression, value);
            case GREATER -> cb.greaterThan(expression, value);
            case GREATER_OR_EQUAL -> cb.greaterThanOrEqualTo(expression, value);
            default -> throw new IllegalStateException(operator + " is not an ordering comparison");
        };
    }

    @SuppressWarnings("unchecked")
    private static Predicate like(CriteriaBuilder cb, Path<?> path, String pattern) {
        return cb.like(cb.lower((Expression<String>) path), pattern.toLowerCase(Locale.ROOT), LIKE_ESCAPE);
    }

    /** The value as the attribute's Java type: the providers bind a Long to an int attribute differently, or not at all. */
    private static Comparable<?> bindable(Path<?> path, QueryValue value) {
        if (value instanceof QueryValue.Text text) {
            return text.value();
        }
        if (value instanceof QueryValue.Flag flag) {
            return flag.value();
        }
        if (value instanceof QueryValue.Whole whole) {
            Class<?> javaType = path.getJavaType();
            if (javaType == int.class || javaType == Integer.class) {
                return Math.toIntExact(whole.value());
            }
            return whole.value();
        }
        if (value instanceof QueryValue.Moment moment) {
            return moment.start();
        }
        throw new IllegalStateException("Unknown value " + value);
    }

    /** {@code %}, {@code _} and the escape character itself taken literally. */
    static String escapeLike(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static Predicate empty(CriteriaBuilder cb, Path<?> path, FieldType type) {
        return type.isText() ? cb.or(cb.isNull(path), cb.equal(path, "")) : cb.isNull(path);
    }

    private static Predicate present(CriteriaBuilder cb, Path<?> path, FieldType type) {
        return type.isText() ? cb.and(cb.isNotNull(path), cb.notEqual(path, "")) : cb.isNotNull(path);
    }
}
