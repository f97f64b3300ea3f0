package org.jwtbearer.incident.query;

import java.util.List;

/**
 * A parsed {@code sysparm_query}: the union of its branches (separated by {@code ^NQ}), sorted by its sort keys.
 * No branches means no restriction.
 *
 * @param branches the queries whose results are united; none of them is empty
 * @param sortKeys the {@code ORDERBY}/{@code ORDERBYDESC} terms, in the order written
 */
public record EncodedQuery(List<Branch> branches, List<SortKey> sortKeys) {

    /** The query of an absent or blank {@code sysparm_query}: every record, in the default order. */
    public static final EncodedQuery ALL = new EncodedQuery(List.of(), List.of());

    public EncodedQuery {
        branches = List.copyOf(branches);
        sortKeys = List.copyOf(sortKeys);
    }

    /** One query: all of its clauses must hold (the terms joined by {@code ^}). */
    public record Branch(List<Clause> clauses) {
        public Branch {
            clauses = List.copyOf(clauses);
            if (clauses.isEmpty()) {
                throw new IllegalArgumentException("a branch needs at least one clause");
            }
        }
    }

    /** Any one of its conditions must hold (a condition and the {@code ^OR} terms that follow it). */
    public record Clause(List<Condition> alternatives) {
        public Clause {
            alternatives = List.copyOf(alternatives);
            if (alternatives.isEmpty()) {
                throw new IllegalArgumentException("a clause needs at least one condition");
            }
        }
    }

    /** {@code ORDERBYfield} or {@code ORDERBYDESCfield}. */
    public record SortKey(QueryField field, boolean descending) {
    }
}
