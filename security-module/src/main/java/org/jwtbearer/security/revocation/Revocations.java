package org.jwtbearer.security.revocation;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revocation list as held in memory: revoked tokens by jti hash, not-before instants by client and by user,
 * each entry until its own {@code exp} and no longer (after it, every token it concerns has expired and is refused
 * anyway). At most {@code maxEntries} entries: an update that would hold more is not taken at all.
 *
 * <p>One thread applies updates at a time (the list's fetch is single-flight); requests read concurrently. A
 * complete list replaces the maps at once, so no request sees half of the old and half of the new.
 */
final class Revocations {

    private record Tables(Map<String, Long> tokens, Map<String, RevocationUpdate.NotBefore> clients,
                          Map<String, RevocationUpdate.NotBefore> users) {

        static Tables empty() {
            return new Tables(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }

        int size() {
            return tokens.size() + clients.size() + users.size();
        }
    }

    private final int maxEntries;
    private volatile Tables tables = Tables.empty();

    Revocations(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /**
     * Takes an answer: a complete one replaces what is held, a partial one is merged into it (a not-before instant
     * only ever moves later). Entries past their {@code exp} are dropped.
     *
     * @return false, holding what it held before, when the result would have more than {@code maxEntries} entries
     */
    boolean apply(RevocationUpdate update, long nowSeconds) {
        Tables current = tables;
        if (update.complete()) {
            Tables fresh = Tables.empty();
            merge(fresh, update, nowSeconds);
            if (fresh.size() > maxEntries) {
                return false;
            }
            tables = fresh;
            return true;
        }
        dropExpired(current, nowSeconds);
        if (current.size() + added(current, update, nowSeconds) > maxEntries) {
            return false;
        }
        merge(current, update, nowSeconds);
        return true;
    }

    boolean isRevoked(String jtiHash) {
        return tables.tokens().containsKey(jtiHash);
    }

    /** The later of the client's and the user's not-before instants, epoch seconds, if either has one. */
    OptionalLong notBefore(String clientId, String sub) {
        Tables current = tables;
        RevocationUpdate.NotBefore client = clientId == null ? null : current.clients().get(clientId);
        RevocationUpdate.NotBefore user = sub == null ? null : current.users().get(sub);
        if (client == null && user == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(client == null ? Long.MIN_VALUE : client.notBefore(), user == null ? Long.MIN_VALUE : user.notBefore()));
    }

    int size() {
        return tables.size();
    }

    private static void merge(Tables into, RevocationUpdate update, long nowSeconds) {
        for (RevocationUpdate.RevokedJti token : update.tokens()) {
            if (token.exp() > nowSeconds) {
                into.tokens().merge(token.jtiHash(), token.exp(), Math::max);
            }
        }
        mergeNotBefores(into.clients(), update.clients(), nowSeconds);
        mergeNotBefores(into.users(), update.users(), nowSeconds);
    }

    private static void mergeNotBefores(Map<String, RevocationUpdate.NotBefore> into, Iterable<RevocationUpdate.NotBefore> entries,
                                        long nowSeconds) {
        for (RevocationUpdate.NotBefore entry : entries) {
            if (entry.exp() > nowSeconds) {
                into.merge(entry.subject(), entry, (held, given) -> new RevocationUpdate.NotBefore(held.subject(),
                        Math.max(held.notBefore(), given.notBefore()), Math.max(held.exp(), given.exp())));
            }
        }
    }

    /** How many keys the update would add (an upper bound: an entry repeated in one answer counts twice). */
    private static int added(Tables current, RevocationUpdate update, long nowSeconds) {
        int added = 0;
        for (RevocationUpdate.RevokedJti token : update.tokens()) {
            added += token.exp() > nowSeconds && !current.tokens().containsKey(token.jtiHash()) ? 1 : 0;
        }
        for (RevocationUpdate.NotBefore client : update.clients()) {
            added += client.exp() > nowSeconds && !current.clients().containsKey(client.subject()) ? 1 : 0;
        }
        for (RevocationUpdate.NotBefore user : update.users()) {
            added += user.exp() > nowSeconds && !current.users().containsKey(user.subject()) ? 1 : 0;
        }
        return added;
    }

    private static void dropExpired(Tables tables, long nowSeconds) {
        tables.tokens().values().removeIf(exp -> exp <= nowSeconds);
        tables.clients().values().removeIf(entry -> entry.exp() <= nowSeconds);
        tables.users().values().removeIf(entry -> entry.exp() <= nowSeconds);
    }
}
