package org.jwtbearer.incident.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An incident record. The database sequence behind {@code seq} is what numbers incidents, so concurrent
 * inserts never share a number.
 */
@Entity
@Table(name = "jb_incident")
public class Incident {

    /** Numbers start at INC0010001, as on a fresh ServiceNow instance. */
    static final long NUMBER_BASE = 10_000;

    @Id
    @SequenceGenerator(name = "incident_seq", sequenceName = "jb_incident_seq", allocationSize = 1, initialValue = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_seq")
    Long seq;

    @Column(name = "sys_id", nullable = false, unique = true, length = 32)
    public String sysId;

    @Column(name = "number", unique = true, length = 40)
    public String number;

    @Column(name = "short_description", length = 160)
    public String shortDescription;

    @Column(name = "description", length = 4000)
    public String description;

    @Column(name = "state", nullable = false)
    public int state;

    @Column(name = "impact", nullable = false)
    public int impact;

    @Column(name = "urgency", nullable = false)
    public int urgency;

    @Column(name = "priority", nullable = false)
    public int priority;

    @Column(name = "category", length = 40)
    public String category;

    @Column(name = "caller_id", length = 255)
    public String callerId;

    @Column(name = "assigned_to", length = 255)
    public String assignedTo;

    @Column(name = "active", nullable = false)
    public boolean active;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "sys_created_on", nullable = false)
    public Instant sysCreatedOn;

    @Column(name = "sys_created_by", nullable = false, length = 255)
    public String sysCreatedBy;

    @Column(name = "sys_updated_on", nullable = false)
    public Instant sysUpdatedOn;

    @Column(name = "sys_updated_by", nullable = false, length = 255)
    public String sysUpdatedBy;

    /** Changes made to the record through the API; 0 for a record never updated. */
    @Column(name = "sys_mod_count", nullable = false)
    public long sysModCount;

    /** The optimistic lock. Kept apart from sys_mod_count: giving a new record its number is a write too. */
    @Version
    @Column(name = "row_version", nullable = false)
    long rowVersion;

    /** Gives the incident its number once the sequence has assigned {@code seq} (at persist). */
    public void assignNumber() {
        number = String.format("INC%07d", NUMBER_BASE + seq);
    }

    /**
     * Sets state and what follows from it. Resolved, Closed and Canceled are inactive. Entering Resolved or
     * Closed stamps {@code resolved_at} unless the incident already has one (Resolved, then Closed keeps the
     * resolution time); entering Closed or Canceled stamps {@code closed_at} likewise. Moving back to an
     * active state (New, In Progress, On Hold) reopens the incident: both stamps are cleared, so they always
     * describe the current resolution. Going from Closed or Canceled back to Resolved clears {@code closed_at}
     * and keeps {@code resolved_at}.
     */
    public void changeState(IncidentState newState, Instant now) {
        state = newState.value();
        active = newState.active();
        if (newState.active()) {
            resolvedAt = null;
            closedAt = null;
            return;
        }
        if ((newState == IncidentState.RESOLVED || newState == IncidentState.CLOSED) && resolvedAt == null) {
            resolvedAt = now;
        }
        if (newState == IncidentState.CLOSED || newState == IncidentState.CANCELED) {
            closedAt = closedAt == null ? now : closedAt;
        } else {
            closedAt = null;
        }
    }

    /**
     * Applies an update with the rules that follow from it: priority from impact × urgency, state's
     * {@code active}/{@code resolved_at}/{@code closed_at} ({@link #changeState}), and, only when some value
     * actually differs, {@code sys_updated_on}, {@code sys_updated_by} and one more {@code sys_mod_count}.
     * A value equal to the stored one is no change; an empty string clears a text field.
     *
     * <p>Every field is written here, inside the entity, rather than by the caller: JPA providers that track
     * changes by weaving the entity (EclipseLink) only see writes the entity's own code makes.
     *
     * @return whether anything changed
     */
    public boolean apply(IncidentChange change, String updatedBy, Instant now) {
        boolean changed = setText(change.shortDescription(), shortDescription, v -> shortDescription = v);
        changed |= setText(change.description(), description, v -> description = v);
        changed |= setText(change.category(), category, v -> category = v);
        changed |= setText(change.callerId(), callerId, v -> callerId = v);
        changed |= setText(change.assignedTo(), assignedTo, v -> assignedTo = v);
        int newImpact = change.impact().orElse(impact);
        int newUrgency = change.urgency().orElse(urgency);
        if (newImpact != impact || newUrgency != urgency) {
            rate(newImpact, newUrgency);
            changed = true;
        }
        if (change.state().isPresent() && change.state().get().value() != state) {
            changeState(change.state().get(), now);
            changed = true;
        }
        if (changed) {
            touch(updatedBy, now);
        }
        return changed;
    }

    /** Sets a text field the change names, if its value differs. Empty text is stored as no value, so "" and unset are one thing to queries. */
    private static boolean setText(Optional<String> given, String stored, Consumer<String> setter) {
        if (given.isEmpty()) {
            return false;
        }
        String value = given.get().isEmpty() ? null : given.get();
        if (Objects.equals(value, stored == null || stored.isEmpty() ? null : stored)) {
            return false;
        }
        setter.accept(value);
        return true;
    }

    /** Sets impact and urgency, and the priority the matrix gives them. */
    public void rate(int newImpact, int newUrgency) {
        priority = Priority.of(newImpact, newUrgency);
        impact = newImpact;
        urgency = newUrgency;
    }

    /** Records one change made through the API: who, when, and one more in {@code sys_mod_count}. */
    public void touch(String updatedBy, Instant now) {
        sysUpdatedOn = now;
        sysUpdatedBy = updatedBy;
        sysModCount++;
    }
}
