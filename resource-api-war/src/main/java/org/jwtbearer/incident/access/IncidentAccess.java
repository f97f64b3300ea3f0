package org.jwtbearer.incident.access;

import org.jwtbearer.incident.api.TableApiException;

/**
 * The incident ACL (SPEC §6): {@code itil} reads and writes every incident, {@code admin} does too and also
 * deletes, anyone else reads only the incidents they are the caller of. Every call needs the
 * {@code useraccount} scope.
 */
public final class IncidentAccess {

    public static final String REQUIRED_SCOPE = "useraccount";

    private IncidentAccess() {
    }

    /** Whether the caller reads every incident; when false, only those whose caller_id is theirs. */
    public static boolean readsAll(Caller caller) {
        return caller.hasRole(Caller.ROLE_ITIL) || caller.hasRole(Caller.ROLE_ADMIN);
    }

    public static void requireWrite(Caller caller) {
        if (!readsAll(caller)) {
            throw TableApiException.forbidden("Creating or changing incidents needs the itil role");
        }
    }

    /** Deleting needs the admin role; itil alone reads and writes but does not delete. */
    public static void requireDelete(Caller caller) {
        requireWrite(caller);
        if (!caller.hasRole(Caller.ROLE_ADMIN)) {
            throw TableApiException.forbidden("Deleting incidents needs the admin role");
        }
    }

}
