package org.jwtbearer.issuer.user;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.jwtbearer.issuer.client.UserField;
import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.issuer.support.ExpiringCache;
import org.jwtbearer.issuer.support.Sha256;

/**
 * Users as token requests look them up: the one an assertion's {@code sub} names ({@link UserAdministration}
 * changes them). Lookups are served from
 * memory for {@code jwtbearer.registry.cache-seconds}, like clients.
 */
@ApplicationScoped
public class UserDirectory {

    private static final int CACHE_ENTRIES = 10_000;

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    @Inject
    IssuerSettings settings;

    @Inject
    Clock clock;

    private record Lookup(UserField field, String value) {
    }

    private ExpiringCache<Lookup, Optional<User>> cache;

    @PostConstruct
    void createCache() {
        cache = new ExpiringCache<>(settings.registryCacheTime(), CACHE_ENTRIES, clock);
    }

    /** The user whose {@code field} equals {@code value} exactly; empty when none or (for email) several match. */
    public Optional<User> find(UserField field, String value) {
        return cache.get(new Lookup(field, value), lookup -> load(lookup.field(), lookup.value()));
    }

    private Optional<User> load(UserField field, String value) {
        if (!org.jwtbearer.issuer.support.Storable.text(value)) {
            return Optional.empty(); // no user's, and PostgreSQL would answer the query with an error
        }
        String attribute = switch (field) {
            case EMAIL -> "email";
            case USER_NAME -> "userName";
            case SYS_ID -> "sysId";
        };
        List<UserEntity> found = em.createQuery("select u from UserEntity u where u." + attribute + " = :value", UserEntity.class)
                .setParameter("value", value)
                .setMaxResults(2)
                .getResultList();
        return found.size() == 1 ? Optional.of(found.get(0).toUser()) : Optional.empty();
    }

    /** Forgets every cached lookup, after a change to the users. */
    void invalidate() {
        cache.clear();
    }

    static String derivedSysId(String userName) {
        return Sha256.hex("sys_user:" + userName, 16);
    }
}
