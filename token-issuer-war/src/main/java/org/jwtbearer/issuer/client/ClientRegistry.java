package org.jwtbearer.issuer.client;

import java.net.URI;
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

import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.issuer.support.ExpiringCache;
import org.jwtbearer.issuer.support.Storable;

/**
 * Registered clients as token requests look them up ({@link ClientAdministration} changes them). Lookups, absent clients
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
        if (!Storable.text(clientId)) {
            return Optional.empty(); // no client's id, and PostgreSQL would answer the query with an error
        }
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
        if (named.isPresent() || !Storable.text(issuer)) {
            return named;
        }
        List<ClientEntity> candidates = em.createQuery(
                        "select c from ClientEntity c where :issuer member of c.acceptedIssuers", ClientEntity.class)
                .setParameter("issuer", issuer)
                .setMaxResults(2)
                .getResultList();
        return candidates.size() == 1 ? Optional.of(toRegisteredClient(candidates.get(0))) : Optional.empty();
    }

    /** Forgets every cached lookup, after a change to the registry. */
    void invalidate() {
        byId.clear();
        byIssuer.clear();
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
