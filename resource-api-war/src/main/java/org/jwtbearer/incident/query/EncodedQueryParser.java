package org.jwtbearer.incident.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a ServiceNow encoded query ({@code sysparm_query}) into an {@link EncodedQuery}, or refuses it with an
 * {@link InvalidQueryException} saying what is wrong and in which term. Never a partial answer: a query that
 * cannot be read whole is not run at all.
 *
 * <ul>
 *   <li>{@code a^b}: a and b; {@code a^ORb}: a or b, binding tighter than {@code ^}, so {@code a^ORb^c} is
 *       (a or b) and c;</li>
 *   <li>{@code ^NQ} starts another query; the answer is the union of the queries;</li>
 *   <li>{@code ORDERBYfield}, {@code ORDERBYDESCfield}: sort keys, in the order written, wherever they stand;</li>
 *   <li>{@code ^^} is a literal {@code ^} in a value; empty terms and a closing {@code ^EQ} are ignored.</li>
 * </ul>
 */
public final class EncodedQueryParser {

    public static final int MAX_LENGTH = 4000;
    public static final int MAX_TERMS = 100;
    public static final int MAX_LIST_VALUES = 500;

    private static final String ORDER_BY_DESC = "ORDERBYDESC";
    private static final String ORDER_BY = "ORDERBY";
    private static final String OR = "OR";
    private static final String NEW_QUERY = "NQ";
    /** ServiceNow ends the queries its list views copy with {@code ^EQ}; it adds nothing. */
    private static final String END_OF_QUERY = "EQ";

    private final List<EncodedQuery.Branch> branches = new ArrayList<>();
    private final List<List<Condition>> clauses = new ArrayList<>();
    private final List<EncodedQuery.SortKey> sortKeys = new ArrayList<>();

    private EncodedQueryParser() {
    }

    /** The query {@code encoded} says; {@link EncodedQuery#ALL} when it is absent or blank. */
    public static EncodedQuery parse(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return EncodedQuery.ALL;
        }
        if (encoded.length() > MAX_LENGTH) {
            throw new InvalidQueryException("sysparm_query is longer than " + MAX_LENGTH + " characters");
        }
        if (!org.jwtbearer.incident.model.Storable.text(encoded)) {
            throw new InvalidQueryException("sysparm_query must not contain the character U+0000");
        }
        EncodedQueryParser parser = new EncodedQueryParser();
        Term.split(encoded, MAX_TERMS).forEach(parser::read);
        parser.endBranch();
        return new EncodedQuery(parser.branches, parser.sortKeys);
    }

    // Field names are lower case, so these upper-case prefixes never clash with the start of a condition.
    // ORDERBY is looked for before OR, which is its own first two letters.
    private void read(Term term) {
        String text = term.text();
        if (text.equals(END_OF_QUERY)) {
            return;
        }
        if (text.startsWith(ORDER_BY_DESC)) {
            sortKeys.add(new EncodedQuery.SortKey(sortField(term.rest(ORDER_BY_DESC.length())), true));
        } else if (text.startsWith(ORDER_BY)) {
            sortKeys.add(new EncodedQuery.SortKey(sortField(term.rest(ORDER_BY.length())), false));
        } else if (text.startsWith(NEW_QUERY)) {
            endBranch();
            Term rest = term.rest(NEW_QUERY.length());
            if (!rest.text().isEmpty()) {
                read(rest);
            }
        } else if (text.startsWith(OR)) {
            if (clauses.isEmpty()) {
                throw term.invalid("^OR has no condition before it to join");
            }
            clauses.get(clauses.size() - 1).add(ConditionParser.parse(term.rest(OR.length())));
        } else {
            List<Condition> clause = new ArrayList<>();
            clause.add(ConditionParser.parse(term));
            clauses.add(clause);
        }
    }

    private static QueryField sortField(Term term) {
        String name = term.text();
        if (name.isEmpty()) {
            throw term.invalid("ORDERBY needs a field name");
        }
        return QueryField.named(name).orElseThrow(() -> term.invalid("Unknown field '" + name + "' to order by"));
    }

    /** Closes the current query; one without conditions (as in {@code a^NQ}) is dropped rather than matching everything. */
    private void endBranch() {
        if (!clauses.isEmpty()) {
            branches.add(new EncodedQuery.Branch(clauses.stream().map(EncodedQuery.Clause::new).toList()));
            clauses.clear();
        }
    }
}
