package org.jwtbearer.issuer.support;

/**
 * What text the database can hold. PostgreSQL refuses the character U+0000 in any text value, in a query as in a
 * row ({@code invalid byte sequence for encoding "UTF8": 0x00}), an error answered with a 500. So a value carrying it —
 * {@code /admin/users/%00}, a client id or an assertion's {@code iss} with {@code \u0000} — is looked up as what it is,
 * no record's, without a query; and a registry document holding it is refused. Found by MutationIT.
 */
public final class Storable {

    private Storable() {
    }

    /** Whether {@code value} can be stored and looked up: null (nothing to store) or without U+0000. */
    public static boolean text(String value) {
        return value == null || value.indexOf('\u0000') < 0;
    }
}
