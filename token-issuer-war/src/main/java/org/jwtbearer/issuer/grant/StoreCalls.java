package org.jwtbearer.issuer.grant;

import java.util.function.Supplier;
import java.util.logging.Logger;

import org.jwtbearer.database.outage.DatabaseUnavailable;
import org.jwtbearer.database.outage.OutageLog;

/**
 * The grant's and the client authentication's calls to what lives in the database (clients, users, used jtis).
 * When the database cannot be reached, the request is refused as {@code temporarily_unavailable} (503) with the
 * store that failed as the audit reason, instead of failing as an unexpected 500: nothing was decided about
 * the client's request, and the same request may succeed in a moment. Any other failure passes unchanged.
 */
final class StoreCalls {

    private static final OutageLog OUTAGES = new OutageLog(Logger.getLogger(StoreCalls.class.getName()));

    private StoreCalls() {
    }

    /** The call's result; an outage becomes {@code temporarily_unavailable} with {@code unavailableReason}. */
    static <T> T call(String unavailableReason, Supplier<T> call) {
        return call(unavailableReason, call, OUTAGES);
    }

    static <T> T call(String unavailableReason, Supplier<T> call, OutageLog outages) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            outages.report(e);
            throw OAuthException.temporarilyUnavailable(unavailableReason);
        }
    }
}
