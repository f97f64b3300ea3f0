package org.jwtbearer.incident.user;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/**
 * Writes directory entries in a transaction of their own, so learning a caller's name never joins — or
 * breaks — the transaction of the request that taught it.
 */
@ApplicationScoped
public class UserDirectoryWriter {

    @PersistenceContext(unitName = "incidents")
    EntityManager em;

    /**
     * Creates or updates the user's entry; false when the database refused (another request inserted the same
     * user at the same moment). The failure is taken here, inside the transaction, so it ends as a quiet
     * rollback instead of an exception at commit.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean save(KnownUser user, Instant now) {
        SysUser entry = em.find(SysUser.class, user.userName());
        boolean isNew = entry == null;
        if (isNew) {
            entry = new SysUser();
            entry.userName = user.userName();
        }
        if (user.sysId() != null) {
            entry.sysId = user.sysId();
        }
        if (user.name() != null) {
            entry.name = user.name();
        }
        entry.sysUpdatedOn = now;
        try {
            if (isNew) {
                em.persist(entry);
            }
            em.flush();
            return true;
        } catch (PersistenceException e) {
            return false;
        }
    }
}
