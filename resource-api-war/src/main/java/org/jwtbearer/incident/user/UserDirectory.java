package org.jwtbearer.incident.user;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.jwtbearer.database.outage.DatabaseUnavailable;
import org.jwtbearer.database.outage.OutageLog;

/**
 * The users incidents refer to, with their display names. The resource server has no registry of its own:
 * it learns users from the access tokens it accepts ({@code upn}, {@code sub}, {@code name}), so it depends on
 * the issuer only through the tokens. A user never seen has no entry and is shown by user name.
 */
@ApplicationScoped
public class UserDirectory {

    private static final Logger LOG = Logger.getLogger(UserDirectory.class.getName());

    /** Above this many remembered callers the memory is dropped and rebuilt; it only saves writes. */
    static final int MAX_REMEMBERED = 10_000;

    @PersistenceContext(unitName = "incidents")
    EntityManager em;

    @Inject
    UserDirectoryWriter writer;

    @Inject
    Clock clock;

    OutageLog outages = new OutageLog(LOG);

    /** What was last written per user name on this node: a caller seen before costs no database write. */
    private final Map<String, KnownUser> written = new ConcurrentHashMap<>();

    /**
     * Records the caller, unless this node already wrote the same facts. Best effort: a failed write, the database
     * being down included, is logged in one line and retried next time, and never fails the caller's request (a
     * request that needs the database fails on its own read, with a 503).
     */
    public void learn(KnownUser user) {
        if (!user.storable() || user.equals(written.get(user.userName()))) {
            return;
        }
        boolean saved;
        try {
            saved = writer.save(user, clock.instant());
        } catch (RuntimeException e) {
            notRecorded(user, e);
            return;
        }
        if (!saved) {
            // Another node or request wrote the same user at the same moment; the next request tries again.
            LOG.log(Level.FINE, "Could not record user {0} this time", user.userName());
            return;
        }
        if (written.size() >= MAX_REMEMBERED) {
            written.clear();
        }
        written.put(user.userName(), user);
    }

    private void notRecorded(KnownUser user, RuntimeException e) {
        if (DatabaseUnavailable.isCause(e)) {
            outages.report(e);
            return;
        }
        LOG.warning(() -> "Could not record user " + user.userName() + ": " + DatabaseUnavailable.summary(e));
        LOG.log(Level.FINE, "Recording a user failed", e);
    }

    /** The display names known for these user names; users without one are left out. */
    public Map<String, String> displayNames(Set<String> userNames) {
        if (userNames.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        em.createQuery("select u from SysUser u where u.userName in :names and u.name is not null", SysUser.class)
                .setParameter("names", userNames)
                .getResultStream()
                .forEach(u -> names.put(u.userName, u.name));
        return names;
    }

    /** A user by user name or by {@code sys_id}. */
    public Optional<SysUser> find(String id) {
        if (!org.jwtbearer.incident.model.Storable.text(id)) {
            return Optional.empty(); // no user has it, and PostgreSQL would refuse the query with an error (a 500)
        }
        SysUser byName = em.find(SysUser.class, id);
        if (byName != null) {
            return Optional.of(byName);
        }
        return em.createQuery("select u from SysUser u where u.sysId = :id", SysUser.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    public List<SysUser> list(int offset, int limit) {
        return em.createQuery("select u from SysUser u order by u.userName", SysUser.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count() {
        return em.createQuery("select count(u) from SysUser u", Long.class).getSingleResult();
    }
}
