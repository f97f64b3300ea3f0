package org.jwtbearer.incident.query;

import java.util.ArrayList;
import java.util.List;

/**
 * One term of an encoded query, the text between two {@code ^} separators, with its position for error
 * messages. {@code ^^} is a literal caret inside a term, not a separator, and empty terms (a leading or
 * trailing {@code ^}) are dropped as ServiceNow drops them.
 *
 * @param position 1 for the first non-empty term
 * @param text what is left to read of the term, its {@code ^^} already read as {@code ^}
 * @param whole the whole term, as error messages show it
 */
record Term(int position, String text, String whole) {

    private static final int SHOWN_LENGTH = 80;

    static List<Term> split(String encoded, int maxTerms) {
        List<Term> terms = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i <= encoded.length(); i++) {
            char c = i < encoded.length() ? encoded.charAt(i) : '^';
            if (c != '^') {
                current.append(c);
            } else if (i + 1 < encoded.length() && encoded.charAt(i + 1) == '^') {
                current.append('^');
                i++;
            } else {
                if (!current.isEmpty()) {
                    if (terms.size() == maxTerms) {
                        throw new InvalidQueryException("sysparm_query has more than " + maxTerms + " terms");
                    }
                    terms.add(new Term(terms.size() + 1, current.toString(), current.toString()));
                }
                current.setLength(0);
            }
        }
        return terms;
    }

    /** The same position with other text: what is left of the term once a prefix such as {@code OR} is read. */
    Term rest(int prefixLength) {
        return new Term(position, text.substring(prefixLength), whole);
    }

    InvalidQueryException invalid(String problem) {
        String shown = whole.length() > SHOWN_LENGTH ? whole.substring(0, SHOWN_LENGTH) + "…" : whole;
        return new InvalidQueryException(problem + " in term " + position + " (" + shown + ")");
    }
}
