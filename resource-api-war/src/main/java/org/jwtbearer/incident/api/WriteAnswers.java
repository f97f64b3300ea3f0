package org.jwtbearer.incident.api;

import jakarta.ws.rs.core.Response;

import org.jwtbearer.incident.model.WriteOutcome;

/** The envelope answers of an update or delete that did not happen. */
final class WriteAnswers {

    private WriteAnswers() {
    }

    static Response refusal(WriteOutcome outcome) {
        if (outcome instanceof WriteOutcome.PreconditionFailed failed) {
            // The current tag goes along, so the client can re-read and retry knowingly.
            return ErrorEnvelope.response(412, "Precondition Failed",
                            "The record has changed since the version named in If-Match")
                    .tag(IncidentETag.of(failed.current())).build();
        }
        if (outcome instanceof WriteOutcome.Conflict) {
            return ErrorEnvelope.response(409, "Conflict",
                    "The record was changed by others throughout this request; nothing was written, try again").build();
        }
        if (outcome instanceof WriteOutcome.NotFound) {
            return ErrorEnvelope.response(404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval").build();
        }
        throw new IllegalArgumentException("Not a refusal: " + outcome);
    }
}
