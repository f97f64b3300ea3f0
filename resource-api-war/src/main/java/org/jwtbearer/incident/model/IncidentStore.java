package org.jwtbearer.incident.model;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;

import org.jwtbearer.incident.query.EncodedQuery;
import org.jwtbearer.incident.query.QueryCriteria;

/** Reads and writes incidents. {@code callerId}, when given, limits reads to that caller's incidents. */
@ApplicationScoped
public class IncidentStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "incidents")
    EntityManager em;

    /** One page of records and the total they were taken from. */
    public record Page(List<Incident> records, long total) {
    }

    /**
     * The records {@code query} selects, in its order and then by {@code seq}, so that pages never overlap or
     * skip a record. The caller restriction is ANDed with the whole query: no {@code ^OR} or {@code ^NQ} widens it.
     */
    public Page list(Optional<String> callerId, EncodedQuery query, int offset, int limit, boolean count) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Incident> select = cb.createQuery(Incident.class);
        Root<Incident> incident = select.from(Incident.class);
        List<Order> order = new ArrayList<>(QueryCriteria.ordering(cb, incident, query));
        order.add(cb.asc(incident.get("seq")));
        select.select(incident).where(restriction(cb, incident, callerId, query)).orderBy(order);
        List<Incident> records = em.createQuery(select).setFirstResult(offset).setMaxResults(limit).getResultList();
        long total = -1;
        if (count) {
            CriteriaQuery<Long> counter = cb.createQuery(Long.class);
            Root<Incident> counted = counter.from(Incident.class);
            counter.select(cb.count(counted)).where(restriction(cb, counted, callerId, query));
            total = em.createQuery(counter).getSingleResult();
        }
        return new Page(records, total);
    }

    private static Predicate restriction(CriteriaBuilder cb, Root<Incident> incident, Optional<String> callerId, EncodedQuery query) {
        List<Predicate> all = new ArrayList<>();
        callerId.ifPresent(caller -> all.add(cb.equal(incident.get("callerId"), caller)));
        QueryCriteria.predicate(cb, incident, query).ifPresent(all::add);
        return cb.and(all.toArray(Predicate[]::new));
    }

    public Optional<Incident> find(String sysId, Optional<String> callerId) {
        return find(em, sysId, callerId);
    }

    /** The incident, if it exists and {@code callerId} (when given) is its caller: one rule for reads and writes. */
    static Optional<Incident> find(EntityManager em, String sysId, Optional<String> callerId) {
        if (!Storable.text(sysId)) {
            return Optional.empty(); // no record holds it, and PostgreSQL would refuse the query with an error (a 500)
        }
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
        incident.shortDescription = emptyToNull(draft.shortDescription());
        incident.description = emptyToNull(draft.description());
        incident.impact = draft.impact();
        incident.urgency = draft.urgency();
        incident.priority = Priority.of(incident.impact, incident.urgency);
        incident.category = emptyToNull(draft.category());
        incident.callerId = emptyToNull(draft.callerId());
        incident.assignedTo = emptyToNull(draft.assignedTo());
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

    /** An empty text is no value, as an update's {@code ""} is: one meaning for ISEMPTY and for display. */
    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String newSysId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
