package org.jwtbearer.incident.model;

import java.util.Arrays;
import java.util.Optional;

/** Incident states with ServiceNow's numeric values. */
public enum IncidentState {
    NEW(1, "New"), IN_PROGRESS(2, "In Progress"), ON_HOLD(3, "On Hold"),
    RESOLVED(6, "Resolved"), CLOSED(7, "Closed"), CANCELED(8, "Canceled");

    private final int value;
    private final String label;

    IncidentState(int value, String label) {
        this.value = value;
        this.label = label;
    }

    public int value() {
        return value;
    }

    public String label() {
        return label;
    }

    /** Resolved, closed and canceled incidents are no longer active. */
    public boolean active() {
        return this != RESOLVED && this != CLOSED && this != CANCELED;
    }

    public static Optional<IncidentState> of(int value) {
        return Arrays.stream(values()).filter(s -> s.value == value).findFirst();
    }
}
