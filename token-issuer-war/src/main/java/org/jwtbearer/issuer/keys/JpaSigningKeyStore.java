package org.jwtbearer.issuer.keys;

import java.util.List;
import java.util.OptionalLong;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * The signing keys in the issuer's database, table {@code jb_signing_key}. Every change is its own transaction,
 * conditional on the states it expects: a bulk update that finds nothing to change changes nothing.
 */
@ApplicationScoped
public class JpaSigningKeyStore implements SigningKeyStore {

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<StoredSigningKey> all() {
        return em.createQuery("select k from SigningKeyEntity k", SigningKeyEntity.class).getResultList().stream()
                .map(SigningKeyEntity::toStored).toList();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(StoredSigningKey key) {
        em.persist(new SigningKeyEntity(key));
        em.flush();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean promote(String kid, long now) {
        return promoteNext(kid, now);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean retire(String kid, long retireUntil) {
        return retireCurrent(kid, retireUntil);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean deleteNext(String kid) {
        return em.createQuery("delete from SigningKeyEntity k where k.kid = :kid and k.liveState = :next")
                .setParameter("kid", kid).setParameter("next", SigningKeyEntity.NEXT)
                .executeUpdate() == 1;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean deleteRetired(String kid) {
        return em.createQuery("delete from SigningKeyEntity k where k.kid = :kid and k.liveState is null")
                .setParameter("kid", kid)
                .executeUpdate() == 1;
    }

    /**
     * The statements run in this order so that no moment has two current or two next keys: retire the current,
     * promote the next, then add the new next.
     */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean rotate(String currentKid, String nextKid, long now, long retireUntil, StoredSigningKey newNext) {
        if (!retireCurrent(currentKid, retireUntil)) {
            return false;
        }
        if (!promoteNext(nextKid, now)) {
            transactions.setRollbackOnly();
            return false;
        }
        em.persist(new SigningKeyEntity(newNext));
        em.flush();
        return true;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeRetired(long now) {
        return em.createQuery("delete from SigningKeyEntity k where k.liveState is null and k.retireUntil <= :now")
                .setParameter("now", now)
                .executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public OptionalLong longestAccessTokenLifespan() {
        Long longest = em.createQuery("select max(c.accessTokenLifespan) from ClientEntity c", Long.class).getSingleResult();
        return longest == null ? OptionalLong.empty() : OptionalLong.of(longest);
    }

    /** The private key is erased as the key retires: a retired key can never sign again. */
    private boolean retireCurrent(String kid, long retireUntil) {
        return em.createQuery("update SigningKeyEntity k set k.liveState = null, k.privateKey = null, k.retireUntil = :until"
                        + " where k.kid = :kid and k.liveState = :current")
                .setParameter("until", retireUntil).setParameter("kid", kid).setParameter("current", SigningKeyEntity.CURRENT)
                .executeUpdate() == 1;
    }

    private boolean promoteNext(String kid, long now) {
        return em.createQuery("update SigningKeyEntity k set k.liveState = :current, k.activatedAt = :now"
                        + " where k.kid = :kid and k.liveState = :next")
                .setParameter("current", SigningKeyEntity.CURRENT).setParameter("next", SigningKeyEntity.NEXT)
                .setParameter("now", now).setParameter("kid", kid)
                .executeUpdate() == 1;
    }
}
