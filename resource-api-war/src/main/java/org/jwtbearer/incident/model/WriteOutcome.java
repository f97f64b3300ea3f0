package org.jwtbearer.incident.model;

/** How an update or delete of one incident ended. */
public sealed interface WriteOutcome {

    /** Done: the incident as it now is (for a delete, as it was). */
    record Written(Incident incident) implements WriteOutcome {
    }

    /** No such incident, or none the caller may read. */
    record NotFound() implements WriteOutcome {
    }

    /** The caller's precondition does not hold for the incident as stored; nothing was written. */
    record PreconditionFailed(Incident current) implements WriteOutcome {
    }

    /** Others kept changing the incident while this write was retried; nothing was written. */
    record Conflict(int attempts) implements WriteOutcome {
    }
}
