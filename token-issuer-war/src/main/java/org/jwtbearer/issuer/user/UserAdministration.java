package org.jwtbearer.issuer.user;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.jwtbearer.issuer.client.RegistryException;
import org.jwtbearer.issuer.revocation.TokenNotBefore;
import org.jwtbearer.issuer.revocation.TokenNotBefores;

/**
 * Changes to the users, from the bootstrap file and the admin API, each followed by dropping this node's
 * user cache (other nodes follow within {@code jwtbearer.registry.cache-seconds}). Users are named by
 * {@code user_name}; their {@code sys_id}, the {@code sub} of their tokens, never changes.
 *
 * <p>Deactivating, locking out or deleting a user also revokes the user's access tokens ({@link TokenNotBefores},
 * keyed by the sys_id), in the same transaction.
 */
@ApplicationScoped
public class UserAdministration {

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    @Inject
    UserDirectory directory;

    @Inject
    TokenNotBefores notBefores;

    @Inject
    Clock clock;

    /** A user as stored: {@code editable} parses back as input, {@code shown} adds the version. */
    public record UserSnapshot(JsonObject editable, JsonObject shown, long version) {
    }

    public List<JsonObject> list(int offset, int limit) {
        return em.createQuery("select u from UserEntity u order by u.userName", UserEntity.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(u -> UserRepresentation.of(u, true))
                .toList();
    }

    public long count() {
        return em.createQuery("select count(u) from UserEntity u", Long.class).getSingleResult();
    }

    public Optional<UserSnapshot> get(String userName) {
        return byName(userName).map(UserAdministration::snapshot);
    }

    /**
     * Creates the user unless one with this user name exists — the bootstrap file's seeding, which never changes a user.
     *
     * @return whether it was created
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean createIfAbsent(UserDefinition definition) {
        if (byName(definition.userName()).isPresent()) {
            return false;
        }
        write(newUser(definition), true, definition);
        return true;
    }

    @Transactional
    public UserSnapshot create(UserDefinition definition) {
        if (byName(definition.userName()).isPresent()) {
            throw new RegistryException(RegistryException.Kind.CONFLICT,
                    "user " + definition.userName() + " already exists; change it with PATCH");
        }
        UserEntity user = newUser(definition);
        if (em.find(UserEntity.class, user.sysId) != null) {
            throw new RegistryException(RegistryException.Kind.CONFLICT, "sys_id " + user.sysId + " belongs to another user");
        }
        return snapshot(write(user, true, definition));
    }

    @Transactional
    public UserSnapshot update(String userName, UserDefinition definition, long expectedVersion) {
        UserEntity user = byName(userName).orElseThrow(() -> RegistryException.notFound("user " + userName));
        if (user.version != expectedVersion) {
            throw changedMeanwhile(userName);
        }
        if (!definition.userName().equals(userName) || definition.sysId().filter(id -> !id.equals(user.sysId)).isPresent()) {
            throw new RegistryException(RegistryException.Kind.INVALID, "user_name and sys_id cannot be changed");
        }
        boolean stopped = user.active && !user.lockedOut && (!definition.active() || definition.lockedOut());
        UserSnapshot written = snapshot(write(user, false, definition));
        if (stopped) {
            notBefores.refuseTokensIssuedBefore(TokenNotBefore.USER, user.sysId, clock.instant());
        }
        return written;
    }

    @Transactional
    public void delete(String userName) {
        UserEntity user = byName(userName).orElseThrow(() -> RegistryException.notFound("user " + userName));
        em.remove(user);
        em.flush();
        // The sys_id is derived from the user name: a user created again under it must not find these tokens working.
        notBefores.refuseTokensIssuedBefore(TokenNotBefore.USER, user.sysId, clock.instant());
        directory.invalidate();
    }

    private UserEntity write(UserEntity user, boolean isNew, UserDefinition definition) {
        user.name = definition.name();
        user.email = definition.email();
        user.active = definition.active();
        user.lockedOut = definition.lockedOut();
        user.roles.clear();
        user.roles.addAll(definition.roles());
        try {
            if (isNew) {
                em.persist(user);
            }
            em.flush();
        } catch (OptimisticLockException e) {
            throw changedMeanwhile(user.userName);
        }
        directory.invalidate();
        return user;
    }

    private Optional<UserEntity> byName(String userName) {
        if (!org.jwtbearer.issuer.support.Storable.text(userName)) {
            return Optional.empty(); // no user's, and PostgreSQL would answer the query with an error
        }
        return em.createQuery("select u from UserEntity u where u.userName = :name", UserEntity.class)
                .setParameter("name", userName)
                .getResultStream().findFirst();
    }

    private static UserEntity newUser(UserDefinition definition) {
        return new UserEntity(definition.sysId().orElseGet(() -> UserDirectory.derivedSysId(definition.userName())),
                definition.userName());
    }

    private static RegistryException changedMeanwhile(String userName) {
        return new RegistryException(RegistryException.Kind.CONFLICT,
                "user " + userName + " was changed meanwhile; read it again and repeat the change");
    }

    private static UserSnapshot snapshot(UserEntity u) {
        return new UserSnapshot(UserRepresentation.of(u, false), UserRepresentation.of(u, true), u.version);
    }
}
