package org.jwtbearer.issuer.bootstrap;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Which entries of the bootstrap file were seeded before (table {@code jb_bootstrap_seed}), so that an entry is
 * seeded once in the life of a database: a client deleted through the admin API does not come back at the next start.
 */
@ApplicationScoped
public class SeedRecord {

    enum Kind {
        CLIENT, USER;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean seededBefore(Kind kind, String name) {
        Number found = (Number) em.createNativeQuery("SELECT COUNT(*) FROM jb_bootstrap_seed WHERE kind = ?1 AND name = ?2")
                .setParameter(1, kind.column()).setParameter(2, name).getSingleResult();
        return found.longValue() > 0;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markSeeded(Kind kind, String name) {
        em.createNativeQuery("INSERT INTO jb_bootstrap_seed (kind, name, seeded_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, kind.column()).setParameter(2, name).setParameter(3, clock.instant().getEpochSecond())
                .executeUpdate();
    }
}
