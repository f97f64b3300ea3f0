package org.jwtbearer.issuer.revocation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Reads what the revocation list publishes: the entries changed since an instant that still concern a live token. */
@ApplicationScoped
public class RevocationListReader {

    /** A revoked token: the SHA-256 of its jti (hex) and its exp (epoch seconds). */
    public record RevokedJti(String jtiHash, long exp) {
    }

    /** A client's or user's instant (epoch seconds) before which its tokens are refused, and until when that matters. */
    public record NotBefore(String kind, String subject, long notBefore, long exp) {
    }

    public record Listing(List<RevokedJti> tokens, List<NotBefore> notBefores) {
    }

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    /**
     * @param sinceMillis entries revoked or changed at or after this instant (epoch milliseconds); 0 for all
     * @param nowSeconds  entries whose tokens have all expired by now are left out
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Listing changedSince(long sinceMillis, long nowSeconds) {
        List<RevokedJti> tokens = em.createQuery("select r from RevokedToken r where r.revokedAt >= :since and r.expiresAt > :now"
                        + " order by r.revokedAt, r.jtiHash", RevokedToken.class)
                .setParameter("since", sinceMillis).setParameter("now", nowSeconds)
                .getResultStream().map(r -> new RevokedJti(r.jtiHash, r.expiresAt)).toList();
        List<NotBefore> notBefores = em.createQuery("select n from TokenNotBefore n where n.changedAt >= :since and n.expiresAt > :now"
                        + " order by n.changedAt, n.subjectKey", TokenNotBefore.class)
                .setParameter("since", sinceMillis).setParameter("now", nowSeconds)
                .getResultStream().map(n -> new NotBefore(n.kind, n.subject, n.notBefore, n.expiresAt)).toList();
        return new Listing(tokens, notBefores);
    }
}
