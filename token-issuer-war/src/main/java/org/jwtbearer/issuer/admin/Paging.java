package org.jwtbearer.issuer.admin;

/** offset/limit of an admin list, checked. */
record Paging(int offset, int limit) {

    static final int MAX_LIMIT = 1000;

    static Paging of(int offset, int limit) {
        if (offset < 0) {
            throw AdminRequests.invalid("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw AdminRequests.invalid("limit must be between 1 and " + MAX_LIMIT);
        }
        return new Paging(offset, limit);
    }
}
