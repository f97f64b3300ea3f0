package org.jwtbearer.issuer.replay;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A jti a client has used. The unique key on (client, jti hash) is the replay check itself: the database
 * lets exactly one insert win, on one node or many.
 */
@Entity
@Table(name = "jb_used_assertion",
        uniqueConstraints = @UniqueConstraint(name = "uk_used_assertion", columnNames = {"client_id", "jti_hash"}),
        indexes = @Index(name = "ix_used_assertion_expiry", columnList = "expires_at"))
public class UsedAssertion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "client_id", nullable = false, length = 255)
    String clientId;

    /** SHA-256 of the jti, hex: bounded in size whatever the client sends, and no raw ids at rest. */
    @Column(name = "jti_hash", nullable = false, length = 64)
    String jtiHash;

    /** Epoch second after which this row can no longer catch a replay (assertion exp + clock skew). */
    @Column(name = "expires_at", nullable = false)
    long expiresAt;

    protected UsedAssertion() {
    }

    UsedAssertion(String clientId, String jtiHash, long expiresAt) {
        this.clientId = clientId;
        this.jtiHash = jtiHash;
        this.expiresAt = expiresAt;
    }
}
