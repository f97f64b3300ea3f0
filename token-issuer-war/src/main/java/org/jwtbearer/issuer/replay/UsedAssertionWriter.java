package org.jwtbearer.issuer.replay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The inserts and deletes of the replay store, each in a transaction of its own so that a duplicate-key
 * failure rolls back only that insert and nothing the caller was doing.
 */
@ApplicationScoped
public class UsedAssertionWriter {

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    /**
     * Inserts the row unless it is already there. The read first keeps plain replays from ever reaching the
     * database as a failed insert; two requests racing past it still meet the unique key, and one of them fails.
     *
     * @return false when the row was already there
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean insertIfAbsent(String clientId, String jtiHash, long expiresAt) {
        if (find(clientId, jtiHash)) {
            return false;
        }
        em.persist(new UsedAssertion(clientId, jtiHash, expiresAt));
        em.flush();
        return true;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean exists(String clientId, String jtiHash) {
        return find(clientId, jtiHash);
    }

    private boolean find(String clientId, String jtiHash) {
        return !em.createQuery("select u.id from UsedAssertion u where u.clientId = :client and u.jtiHash = :jti", Long.class)
                .setParameter("client", clientId)
                .setParameter("jti", jtiHash)
                .getResultList().isEmpty();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeExpired(long now) {
        return em.createQuery("delete from UsedAssertion u where u.expiresAt < :now")
                .setParameter("now", now)
                .executeUpdate();
    }
}
