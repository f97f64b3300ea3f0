package org.jwtbearer.issuer.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.security.jose.KeySource;
import org.jwtbearer.security.jose.RemoteJwks;

/**
 * The fetched key sets of clients registered with a {@code jwks_uri}: one {@link RemoteJwks} per client, kept
 * here for the life of the application rather than in the registry cache, so the keys (and the fetch
 * cool-down) survive the registry's short cache time — a flood of unknown {@code kid}s costs at most one fetch
 * per cool-down per client. A changed {@code jwks_uri} starts afresh. Weak or unusable keys in a fetched set are
 * left out by {@link org.jwtbearer.security.jose.JwkSet}, never used.
 */
@ApplicationScoped
public class ClientJwks {

    /** More clients with a jwks_uri than this and the table is emptied: refetches, never unbounded memory. */
    static final int MAX_CLIENTS = 10_000;

    @Inject
    IssuerSettings settings;

    @Inject
    Clock clock;

    private record Held(URI location, RemoteJwks jwks) {
    }

    private final Map<String, Held> sets = new ConcurrentHashMap<>();
    private HttpClient http;

    /** For the container. */
    protected ClientJwks() {
    }

    /** Wired by hand, as in tests. */
    public ClientJwks(IssuerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        start();
    }

    @PostConstruct
    void start() {
        // One HTTP client (one selector thread) for every client's key set; never following a redirect, which
        // would lead the fetch to a location nobody checked.
        http = RemoteJwks.defaultClient(settings.clientJwksTimeout());
    }

    /** The key set of a client registered with a {@code jwks_uri}. */
    public KeySource forClient(String clientId, URI location) {
        Held held = sets.get(clientId);
        if (held != null && held.location().equals(location)) {
            return held.jwks();
        }
        if (sets.size() >= MAX_CLIENTS) {
            sets.clear();
        }
        return sets.compute(clientId, (id, current) -> current != null && current.location().equals(location)
                ? current
                : new Held(location, new RemoteJwks(JwksUris.check(location.toString()), settings.clientJwksMaxAge(),
                        settings.clientJwksRefreshCooldown(), settings.clientJwksTimeout(), clock, http))).jwks();
    }
}
