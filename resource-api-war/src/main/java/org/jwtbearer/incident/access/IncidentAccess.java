package org.jwtbearer.incident.access;

/**
 * The incident ACL (SPEC §6): {@code itil} reads and writes every incident, {@code admin} does too and also
 * deletes, anyone else reads only the incidents they are the caller of. Every call needs the
 * {@code useraccount} scope. Scope and the write and delete roles are declared on the resource
 * ({@code @RequiresScope}, {@code @RolesAllowed} by the token's groups); what is left here is the row rule.
 */
public final class IncidentAccess {

    public static final String REQUIRED_SCOPE = "useraccount";

    private IncidentAccess() {
    }

    /** Whether the caller reads every incident; when false, only those whose caller_id is theirs. */
    public static boolean readsAll(Caller caller) {
        return caller.hasRole(Caller.ROLE_ITIL) || caller.hasRole(Caller.ROLE_ADMIN);
    }
}
