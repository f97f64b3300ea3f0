package org.jwtbearer.incident.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The fields one update names, each empty when the update leaves that field alone: a field-level merge, as
 * both PUT and PATCH of ServiceNow's Table API are. An empty string clears a text field.
 */
public record IncidentChange(Optional<String> shortDescription, Optional<String> description, Optional<IncidentState> state,
                             Optional<Integer> impact, Optional<Integer> urgency, Optional<String> category,
                             Optional<String> callerId, Optional<String> assignedTo) {

    public IncidentChange {
        Objects.requireNonNull(shortDescription);
        Objects.requireNonNull(description);
        Objects.requireNonNull(state);
        Objects.requireNonNull(impact);
        Objects.requireNonNull(urgency);
        Objects.requireNonNull(category);
        Objects.requireNonNull(callerId);
        Objects.requireNonNull(assignedTo);
    }

    /** An update that names no field. */
    public static IncidentChange none() {
        return new IncidentChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
