package org.jwtbearer.issuer.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.jwtbearer.issuer.revocation.TokenNotBefore;
import org.jwtbearer.issuer.revocation.TokenNotBefores;
import org.jwtbearer.issuer.support.SecretBox;
import org.jwtbearer.security.jose.VerifierKey;

/**
 * Changes to the registered clients — from the bootstrap file and the admin API — each in one transaction,
 * each followed by dropping this node's registry cache, so the next request on this node sees it and every
 * other node within {@code jwtbearer.registry.cache-seconds}.
 *
 * <p>Updates name the version they were based on; a client changed by someone else meanwhile is a
 * conflict, never a silently lost write.
 *
 * <p>Deactivating or deleting a client also revokes the access tokens it holds ({@link TokenNotBefores}), in the
 * same transaction: turning a client off must not leave its tokens working until they expire.
 */
@ApplicationScoped
public class ClientAdministration {

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    @Inject
    ClientRegistry registry;

    @Inject
    SecretBox secretBox;

    @Inject
    TokenNotBefores notBefores;

    @Inject
    Clock clock;

    /** A client as stored: {@code editable} parses back as input, {@code shown} adds the read-only members. */
    public record ClientSnapshot(JsonObject editable, JsonObject shown, long version, boolean hasSecret) {
    }

    public List<JsonObject> list(int offset, int limit) {
        return em.createQuery("select c from ClientEntity c order by c.clientId", ClientEntity.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(c -> ClientRepresentation.of(c, true))
                .toList();
    }

    public long count() {
        return em.createQuery("select count(c) from ClientEntity c", Long.class).getSingleResult();
    }

    public Optional<ClientSnapshot> get(String clientId) {
        return Optional.ofNullable(entity(clientId)).map(ClientAdministration::snapshot);
    }

    /**
     * Creates the client unless one with this id exists — the bootstrap file's seeding, which never changes a client.
     *
     * @return whether it was created
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean createIfAbsent(ClientDefinition definition) {
        if (entity(definition.clientId()) != null) {
            return false;
        }
        write(new ClientEntity(definition.clientId()), true, definition, SecretUpdate.replace(definition.secret()));
        return true;
    }

    @Transactional
    public ClientSnapshot create(ClientDefinition definition) {
        if (entity(definition.clientId()) != null) {
            throw new RegistryException(RegistryException.Kind.CONFLICT,
                    "client " + definition.clientId() + " already exists; change it with PATCH");
        }
        return snapshot(write(new ClientEntity(definition.clientId()), true, definition, SecretUpdate.replace(definition.secret())));
    }

    /**
     * Replaces the client's settings with {@code definition}, which must keep its id.
     *
     * @param expectedVersion the version the change was based on
     */
    @Transactional
    public ClientSnapshot update(String clientId, ClientDefinition definition, SecretUpdate secret, long expectedVersion) {
        ClientEntity client = existing(clientId, expectedVersion);
        if (!definition.clientId().equals(clientId)) {
            throw new RegistryException(RegistryException.Kind.INVALID, "client_id cannot be changed");
        }
        boolean keepsSecret = secret instanceof SecretUpdate.Keep && client.secretHash != null;
        if (definition.publicClient() && keepsSecret) {
            throw new RegistryException(RegistryException.Kind.INVALID,
                    "a public client cannot have a client_secret; remove it with \"client_secret\": null");
        }
        boolean deactivated = client.active && !definition.active();
        ClientSnapshot written = snapshot(write(client, false, definition, secret));
        if (deactivated) {
            notBefores.refuseTokensIssuedBefore(TokenNotBefore.CLIENT, clientId, clock.instant());
        }
        return written;
    }

    @Transactional
    public void delete(String clientId) {
        ClientEntity client = entity(clientId);
        if (client == null) {
            throw RegistryException.notFound("client " + clientId);
        }
        em.remove(client);
        em.flush();
        // A client created again under this id later must not find the old one's tokens working.
        notBefores.refuseTokensIssuedBefore(TokenNotBefore.CLIENT, clientId, clock.instant());
        registry.invalidate();
    }

    /** Adds a verifier key — the first step of a key rotation; returns the key as stored. */
    @Transactional
    public JsonObject addKey(String clientId, ClientDefinition.KeyDefinition key) {
        ClientEntity client = existing(clientId, null);
        VerifierKey parsed = VerifierKeyEntity.parse(key.kid(), key.format(), key.material());
        for (VerifierKeyEntity existing : client.verifierKeys) {
            if (key.kid() != null && key.kid().equals(existing.kid)) {
                throw new RegistryException(RegistryException.Kind.CONFLICT, "client " + clientId + " already has a key with kid " + key.kid());
            }
            if (existing.toVerifierKey().jwkThumbprint().equals(parsed.jwkThumbprint())) {
                throw new RegistryException(RegistryException.Kind.CONFLICT, "client " + clientId + " already has this key");
            }
        }
        VerifierKeyEntity added = new VerifierKeyEntity(client, key.kid(), key.format(), key.material());
        client.verifierKeys.add(added);
        em.lock(client, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        em.flush();
        registry.invalidate();
        return ClientRepresentation.key(added, true);
    }

    /**
     * Removes a verifier key, named by its kid or its JWK thumbprint; assertions signed with it are refused
     * from the next request on (on this node; on others within the cache time).
     */
    @Transactional
    public void removeKey(String clientId, String kidOrThumbprint) {
        ClientEntity client = existing(clientId, null);
        VerifierKeyEntity key = client.verifierKeys.stream()
                .filter(k -> kidOrThumbprint.equals(k.kid) || kidOrThumbprint.equals(thumbprintOrNull(k)))
                .findFirst()
                .orElseThrow(() -> RegistryException.notFound("key " + kidOrThumbprint + " of client " + clientId));
        client.verifierKeys.remove(key);
        em.lock(client, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        em.flush();
        registry.invalidate();
    }

    public List<JsonObject> keys(String clientId) {
        ClientEntity client = existing(clientId, null);
        return client.verifierKeys.stream()
                .sorted(java.util.Comparator.comparing(k -> k.id))
                .map(k -> ClientRepresentation.key(k, true)).toList();
    }

    private ClientEntity existing(String clientId, Long expectedVersion) {
        ClientEntity client = entity(clientId);
        if (client == null) {
            throw RegistryException.notFound("client " + clientId);
        }
        if (expectedVersion != null && client.version != expectedVersion) {
            throw changedMeanwhile(clientId);
        }
        return client;
    }

    /**
     * The HMAC key of a client allowed HS* algorithms, so that an update which keeps the secret still
     * validates as an HMAC client. Never shown to anyone.
     */
    public Optional<String> keptHmacSecret(String clientId) {
        return Optional.ofNullable(entity(clientId))
                .map(c -> c.secretSealed)
                .map(sealed -> {
                    try {
                        return new String(secretBox.open(sealed, clientId), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        throw new RegistryException(RegistryException.Kind.INVALID, "the stored HMAC secret of client " + clientId
                                + " does not open with the current jwtbearer.encryption-key; send client_secret with this change");
                    }
                });
    }

    private ClientEntity write(ClientEntity client, boolean isNew, ClientDefinition definition, SecretUpdate secret) {
        client.name = definition.name();
        if (secret instanceof SecretUpdate.Replace replace) {
            client.secretHash = replace.secret().map(SecretHash::hash).orElse(null);
            // The hash authenticates the client; an HMAC client's secret is also sealed, as HMAC verification needs it back.
            client.secretSealed = definition.usesHmac() && replace.secret().isPresent()
                    ? secretBox.seal(replace.secret().get().getBytes(StandardCharsets.UTF_8), client.clientId)
                    : null;
        } else if (!definition.usesHmac()) {
            client.secretSealed = null;
        } else if (client.secretSealed == null) {
            throw new RegistryException(RegistryException.Kind.INVALID,
                    "to allow HS* algorithms, send the client_secret with this change: it becomes the HMAC key");
        }
        client.jwksUri = definition.jwksUri().orElse(null);
        client.publicClient = definition.publicClient();
        client.userField = definition.userField().fieldName();
        client.maxAssertionLifetime = definition.maxAssertionLifetime();
        client.clockSkew = definition.clockSkew();
        client.requireJti = definition.requireJti();
        client.accessTokenLifespan = definition.accessTokenLifespan();
        client.active = definition.active();
        replace(client.acceptedIssuers, definition.acceptedIssuers());
        replace(client.acceptedAudiences, definition.acceptedAudiences());
        replace(client.scopes, definition.scopes());
        replace(client.algorithms, definition.algorithms());
        replace(client.claimValidations, definition.claimValidations());
        client.verifierKeys.clear();
        try {
            if (isNew) {
                em.persist(client);
            } else {
                em.lock(client, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            }
            // Orphaned keys are deleted before their replacements are inserted.
            em.flush();
            for (ClientDefinition.KeyDefinition key : definition.verifierKeys()) {
                client.verifierKeys.add(new VerifierKeyEntity(client, key.kid(), key.format(), key.material()));
            }
            em.flush();
        } catch (OptimisticLockException e) {
            throw changedMeanwhile(client.clientId);
        }
        registry.invalidate();
        return client;
    }

    private static RegistryException changedMeanwhile(String clientId) {
        return new RegistryException(RegistryException.Kind.CONFLICT,
                "client " + clientId + " was changed meanwhile; read it again and repeat the change");
    }

    private static ClientSnapshot snapshot(ClientEntity c) {
        return new ClientSnapshot(ClientRepresentation.of(c, false), ClientRepresentation.of(c, true), c.version, c.secretHash != null);
    }

    private static String thumbprintOrNull(VerifierKeyEntity k) {
        try {
            return k.toVerifierKey().jwkThumbprint();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static <T> void replace(Set<T> target, List<T> values) {
        target.clear();
        target.addAll(values);
    }

    /** The stored client, or null: an id PostgreSQL cannot hold (U+0000) is no client's, and must not reach a query. */
    private ClientEntity entity(String clientId) {
        return org.jwtbearer.issuer.support.Storable.text(clientId) ? em.find(ClientEntity.class, clientId) : null;
    }
}
