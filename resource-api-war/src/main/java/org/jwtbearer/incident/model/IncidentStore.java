package org.jwtbearer.incident.model;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

/** Reads and writes incidents. {@code callerId}, when given, limits reads to that caller's incidents. */
@ApplicationScoped
public class IncidentStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "incidents")
    EntityManager em;

    /** One page of records and the total they were taken from. */
    public record Page(List<Incident> records, long total) {
    }

    public Page list(Optional<String> callerId, int offset, int limit, boolean count) {
        String where = callerId.isPresent() ? " where i.callerId = :caller" : "";
        TypedQuery<Incident> query = em.createQuery("select i from Incident i" + where + " order by i.seq", Incident.class)
                .setFirstResult(offset).setMaxResults(limit);
        callerId.ifPresent(c -> query.setParameter("caller", c));
        List<Incident> records = query.getResultList();
        long total = -1;
        if (count) {
            TypedQuery<Long> counter = em.createQuery("select count(i) from Incident i" + where, Long.class);
            callerId.ifPresent(c -> counter.setParameter("caller", c));
            total = counter.getSingleResult();
        }
        return new Page(records, total);
    }

    public Optional<Incident> find(String sysId, Optional<String> callerId) {
        return em.createQuery("select i from Incident i where i.sysId = :sysId", Incident.class)
                .setParameter("sysId", sysId)
                .getResultStream()
                .filter(i -> callerId.isEmpty() || callerId.get().equals(i.callerId))
                .findFirst();
    }

    /** Creates an incident with defaults applied: state New, impact and urgency 3, priority from the matrix. */
    @Transactional
    public Incident create(Draft draft, String createdBy, Instant now) {
        Incident incident = new Incident();
        incident.sysId = newSysId();
        incident.shortDescription = draft.shortDescription();
        incident.description = draft.description();
        incident.impact = draft.impact();
        incident.urgency = draft.urgency();
        incident.priority = Priority.of(incident.impact, incident.urgency);
        incident.category = draft.category();
        incident.callerId = draft.callerId();
        incident.assignedTo = draft.assignedTo();
        incident.openedAt = now;
        incident.sysCreatedOn = now;
        incident.sysCreatedBy = createdBy;
        incident.sysUpdatedOn = now;
        incident.sysUpdatedBy = createdBy;
        incident.changeState(draft.state(), now);
        em.persist(incident);
        incident.assignNumber();
        em.flush();
        return incident;
    }

    public long count() {
        return em.createQuery("select count(i) from Incident i", Long.class).getSingleResult();
    }

    /** The values a new incident starts with. */
    public record Draft(String shortDescription, String description, IncidentState state, int impact, int urgency,
                        String category, String callerId, String assignedTo) {
    }

    private static String newSysId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
