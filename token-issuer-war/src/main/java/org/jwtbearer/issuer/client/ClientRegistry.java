package org.jwtbearer.issuer.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.issuer.support.ExpiringCache;
import org.jwtbearer.issuer.support.SecretBox;

/**
 * Registered clients: looking them up for a token request, and registering them. Lookups, absent clients
 * included, are served from memory for a short, configured time, so a token request costs no database read
 * for its client; a change made here is seen at once on this node and within that time on every other.
 */
@ApplicationScoped
public class ClientRegistry {

    private static final int CACHE_ENTRIES = 10_000;

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    @Inject
    IssuerSettings settings;

    @Inject
    Clock clock;

    @Inject
    SecretBox secretBox;

    private ExpiringCache<String, Optional<RegisteredClient>> byId;
    private ExpiringCache<String, Optional<RegisteredClient>> byIssuer;

    @PostConstruct
    void createCaches() {
        byId = new ExpiringCache<>(settings.registryCacheTime(), CACHE_ENTRIES, clock);
        byIssuer = new ExpiringCache<>(settings.registryCacheTime(), CACHE_ENTRIES, clock);
    }

    /** The client with this id; served from memory for {@code jwtbearer.registry.cache-seconds}. */
    public Optional<RegisteredClient> find(String clientId) {
        return byId.get(clientId, this::load);
    }

    private Optional<RegisteredClient> load(String clientId) {
        return Optional.ofNullable(em.find(ClientEntity.class, clientId)).map(this::toRegisteredClient);
    }

    /**
     * The client an assertion names by {@code iss} when no client id came with the request: the client with
     * that id, else the one client that lists it among its accepted issuers.
     */
    public Optional<RegisteredClient> findByIssuer(String issuer) {
        return byIssuer.get(issuer, this::loadByIssuer);
    }

    private Optional<RegisteredClient> loadByIssuer(String issuer) {
        Optional<RegisteredClient> named = find(issuer);
        if (named.isPresent()) {
            return named;
        }
        List<ClientEntity> candidates = em.createQuery(
                        "select c from ClientEntity c where :issuer member of c.acceptedIssuers", ClientEntity.class)
                .setParameter("issuer", issuer)
                .setMaxResults(2)
                .getResultList();
        return candidates.size() == 1 ? Optional.of(toRegisteredClient(candidates.get(0))) : Optional.empty();
    }

    /** Creates or replaces the client with this id (upsert); its keys and claim validations are replaced too. */
    @Transactional
    public void upsert(ClientDefinition definition) {
        ClientEntity existing = em.find(ClientEntity.class, definition.clientId());
        ClientEntity client = existing != null ? existing : new ClientEntity(definition.clientId());
        client.name = definition.name();
        client.secretHash = definition.secret().map(SecretHash::hash).orElse(null);
        // The hash authenticates the client; an HMAC client's secret is also sealed, as HMAC verification needs it back.
        client.secretSealed = definition.usesHmac()
                ? secretBox.seal(definition.secret().orElseThrow().getBytes(StandardCharsets.UTF_8), client.clientId)
                : null;
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
        if (existing == null) {
            em.persist(client);
        }
        em.flush();
        for (ClientDefinition.KeyDefinition key : definition.verifierKeys()) {
            client.verifierKeys.add(new VerifierKeyEntity(client, key.kid(), key.format(), key.material()));
        }
        byId.clear();
        byIssuer.clear();
    }

    private static <T> void replace(Set<T> target, List<T> values) {
        target.clear();
        target.addAll(values);
    }

    private RegisteredClient toRegisteredClient(ClientEntity c) {
        return new RegisteredClient(c.clientId, c.name, Optional.ofNullable(c.secretHash), c.publicClient,
                UserField.of(c.userField), c.acceptedIssuers, audiences(c),
                Duration.ofSeconds(c.maxAssertionLifetime), Duration.ofSeconds(c.clockSkew), c.requireJti,
                Duration.ofSeconds(c.accessTokenLifespan), c.scopes, c.algorithms,
                c.verifierKeys.stream().map(VerifierKeyEntity::toVerifierKey).toList(),
                List.copyOf(c.claimValidations), c.active, Optional.ofNullable(c.secretSealed),
                Optional.ofNullable(c.jwksUri).map(URI::create));
    }

    /** Registered audiences, or the defaults: the client id, both token endpoint URLs, the issuer identifier. */
    private Set<String> audiences(ClientEntity c) {
        if (!c.acceptedAudiences.isEmpty()) {
            return c.acceptedAudiences;
        }
        Set<String> defaults = new LinkedHashSet<>();
        defaults.add(c.clientId);
        defaults.add(settings.tokenEndpoint());
        defaults.add(settings.serviceNowTokenEndpoint());
        defaults.add(settings.issuer());
        return defaults;
    }
}
