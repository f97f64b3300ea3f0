package org.jwtbearer.issuer.revocation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.jwtbearer.issuer.config.IssuerSettings;

/**
 * The per-client and per-user instants before which access tokens are refused, in the issuer's database: what
 * deactivating or deleting a client or user writes, what introspection and the admin API read, and what the
 * revocation list publishes to the resource servers.
 */
@ApplicationScoped
public class TokenNotBefores {

    /** As for iat elsewhere: a token minted on a node whose clock runs a little ahead still counts as before. */
    static final Duration NODE_CLOCK_TOLERANCE = Duration.ofSeconds(5);
    /**
     * The least time a row is kept past its instant. A client's lifespan may have been longer when its tokens were
     * issued than it is now; a day outlives any lifespan this product is run with, and rows are few.
     */
    static final Duration LEAST_KEPT = Duration.ofHours(24);

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    @Inject
    IssuerSettings settings;

    /**
     * Refuses every token of the client or user issued up to now — and up to the registry cache time from now, since
     * another node may go on issuing from its cached copy of the client or user for that long. Part of the caller's
     * transaction, so the deactivation and this commit together or not at all. The instant only ever moves later.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refuseTokensIssuedBefore(String kind, String subject, Instant now) {
        Instant refusedUntil = now.plus(settings.registryCacheTime()).plus(NODE_CLOCK_TOLERANCE);
        long notBefore = refusedUntil.getEpochSecond() + (refusedUntil.getNano() > 0 ? 1 : 0);
        long expiresAt = notBefore + keptFor().toSeconds();
        TokenNotBefore row = em.find(TokenNotBefore.class, TokenNotBefore.key(kind, subject));
        if (row == null) {
            row = new TokenNotBefore(kind, subject);
            row.notBefore = notBefore;
            row.expiresAt = expiresAt;
            row.changedAt = now.toEpochMilli();
            em.persist(row);
        } else {
            row.notBefore = Math.max(row.notBefore, notBefore);
            row.expiresAt = Math.max(row.expiresAt, expiresAt);
            row.changedAt = now.toEpochMilli();
        }
        em.flush();
    }

    /** The latest instant (epoch seconds) before which tokens of this client or this user are refused, if any. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public OptionalLong notBefore(String clientId, String sub, Instant now) {
        List<String> keys = Stream.of(clientId == null ? null : TokenNotBefore.key(TokenNotBefore.CLIENT, clientId),
                sub == null ? null : TokenNotBefore.key(TokenNotBefore.USER, sub)).filter(Objects::nonNull).toList();
        if (keys.isEmpty()) {
            return OptionalLong.empty();
        }
        Long latest = em.createQuery("select max(n.notBefore) from TokenNotBefore n where n.subjectKey in :keys and n.expiresAt > :now",
                        Long.class)
                .setParameter("keys", keys).setParameter("now", now.getEpochSecond())
                .getSingleResult();
        return latest == null ? OptionalLong.empty() : OptionalLong.of(latest);
    }

    private Duration keptFor() {
        Long longest = em.createQuery("select max(c.accessTokenLifespan) from ClientEntity c", Long.class).getSingleResult();
        Duration lifespan = Duration.ofSeconds(longest == null ? 0 : longest);
        return lifespan.compareTo(LEAST_KEPT) > 0 ? lifespan : LEAST_KEPT;
    }
}
