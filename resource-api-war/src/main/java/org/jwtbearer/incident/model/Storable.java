package org.jwtbearer.incident.model;

/**
 * What text the database can hold. PostgreSQL refuses the character U+0000 in any text value, in a query as in a
 * row ({@code invalid byte sequence for encoding "UTF8": 0x00}), so a request carrying it — {@code /incident/%00},
 * a body or a query with {@code \u0000} — must be answered before it reaches the database: as "no such record", or
 * as a 400 saying which value holds it. Found by MutationIT, whose {@code GET /api/now/table/incident/%00} was a 500.
 */
public final class Storable {

    private Storable() {
    }

    /** Whether {@code value} can be stored and looked up: null (nothing to store) or without U+0000. */
    public static boolean text(String value) {
        return value == null || value.indexOf('\u0000') < 0;
    }
}
