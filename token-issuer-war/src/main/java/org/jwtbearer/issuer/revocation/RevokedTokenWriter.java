package org.jwtbearer.issuer.revocation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The reads and writes of the revocation list, each its own transaction. */
@ApplicationScoped
public class RevokedTokenWriter {

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    /** Adds the row unless it is there; a second revocation of the same token changes nothing. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insertIfAbsent(String jtiHash, String clientId, long expiresAt, long revokedAtMillis) {
        if (em.find(RevokedToken.class, jtiHash) == null) {
            em.persist(new RevokedToken(jtiHash, clientId, expiresAt, revokedAtMillis));
            em.flush();
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean exists(String jtiHash) {
        return em.find(RevokedToken.class, jtiHash) != null;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeExpired(long now) {
        int tokens = em.createQuery("delete from RevokedToken r where r.expiresAt < :now")
                .setParameter("now", now)
                .executeUpdate();
        return tokens + em.createQuery("delete from TokenNotBefore n where n.expiresAt < :now")
                .setParameter("now", now)
                .executeUpdate();
    }
}
