package org.jwtbearer.incident.model;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * One attempt at a write, in a transaction of its own: read the row, check the caller's precondition, change
 * it, flush. The flush is where the row's {@code @Version} is checked, so a lost race surfaces here as an
 * {@link jakarta.persistence.OptimisticLockException} (and rolls this transaction back) rather than at commit.
 */
@ApplicationScoped
public class IncidentWriteAttempt {

    @PersistenceContext(unitName = "incidents")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public WriteOutcome update(String sysId, Optional<String> readScope, Predicate<Incident> precondition,
                               IncidentChange change, String updatedBy, Instant now) {
        Optional<Incident> found = find(sysId, readScope);
        if (found.isEmpty()) {
            return new WriteOutcome.NotFound();
        }
        Incident incident = found.get();
        if (!precondition.test(incident)) {
            return new WriteOutcome.PreconditionFailed(incident);
        }
        if (incident.apply(change, updatedBy, now)) {
            em.flush();
        }
        return new WriteOutcome.Written(incident);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public WriteOutcome delete(String sysId, Optional<String> readScope, Predicate<Incident> precondition) {
        Optional<Incident> found = find(sysId, readScope);
        if (found.isEmpty()) {
            return new WriteOutcome.NotFound();
        }
        Incident incident = found.get();
        if (!precondition.test(incident)) {
            return new WriteOutcome.PreconditionFailed(incident);
        }
        em.remove(incident);
        em.flush();
        return new WriteOutcome.Written(incident);
    }

    private Optional<Incident> find(String sysId, Optional<String> readScope) {
        return em.createQuery("select i from Incident i where i.sysId = :sysId", Incident.class)
                .setParameter("sysId", sysId)
                .getResultStream()
                .filter(i -> readScope.isEmpty() || readScope.get().equals(i.callerId))
                .findFirst();
    }
}
