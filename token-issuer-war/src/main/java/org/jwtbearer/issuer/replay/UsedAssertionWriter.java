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

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(String clientId, String jtiHash, long expiresAt) {
        em.persist(new UsedAssertion(clientId, jtiHash, expiresAt));
        em.flush();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean exists(String clientId, String jtiHash) {
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
