package org.jwtbearer.incident.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

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

    /**
     * Applies this change with the rules that follow from it: priority from impact × urgency, state's
     * {@code active}/{@code resolved_at}/{@code closed_at} ({@link Incident#changeState}), and, only when
     * some value actually differs, {@code sys_updated_on}, {@code sys_updated_by} and one more
     * {@code sys_mod_count}. A value equal to the stored one is no change.
     *
     * @return whether anything changed
     */
    public boolean applyTo(Incident incident, String updatedBy, Instant now) {
        boolean changed = text(shortDescription, incident.shortDescription, v -> incident.shortDescription = v);
        changed |= text(description, incident.description, v -> incident.description = v);
        changed |= text(category, incident.category, v -> incident.category = v);
        changed |= text(callerId, incident.callerId, v -> incident.callerId = v);
        changed |= text(assignedTo, incident.assignedTo, v -> incident.assignedTo = v);
        int newImpact = impact.orElse(incident.impact);
        int newUrgency = urgency.orElse(incident.urgency);
        if (newImpact != incident.impact || newUrgency != incident.urgency) {
            incident.rate(newImpact, newUrgency);
            changed = true;
        }
        if (state.isPresent() && state.get().value() != incident.state) {
            incident.changeState(state.get(), now);
            changed = true;
        }
        if (changed) {
            incident.touch(updatedBy, now);
        }
        return changed;
    }

    /** Empty text is stored as no value, so "" and an unset field are the same thing to queries. */
    private static boolean text(Optional<String> given, String current, Consumer<String> setter) {
        if (given.isEmpty()) {
            return false;
        }
        String value = given.get().isEmpty() ? null : given.get();
        if (Objects.equals(value, current == null || current.isEmpty() ? null : current)) {
            return false;
        }
        setter.accept(value);
        return true;
    }
}
