package org.jwtbearer.incident.model;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
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
        return onRecord(sysId, readScope, precondition, incident -> {
            if (incident.apply(change, updatedBy, now)) {
                em.flush();
            }
        });
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public WriteOutcome delete(String sysId, Optional<String> readScope, Predicate<Incident> precondition) {
        return onRecord(sysId, readScope, precondition, incident -> {
            em.remove(incident);
            em.flush();
        });
    }

    private WriteOutcome onRecord(String sysId, Optional<String> readScope, Predicate<Incident> precondition,
                                  Consumer<Incident> write) {
        Optional<Incident> found = IncidentStore.find(em, sysId, readScope);
        if (found.isEmpty()) {
            return new WriteOutcome.NotFound();
        }
        Incident incident = found.get();
        if (!precondition.test(incident)) {
            return new WriteOutcome.PreconditionFailed(incident);
        }
        write.accept(incident);
        return new WriteOutcome.Written(incident);
    }
}
