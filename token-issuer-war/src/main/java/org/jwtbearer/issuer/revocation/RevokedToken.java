package org.jwtbearer.issuer.revocation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** An access token revoked before its expiry (RFC 7009), kept until that expiry, after which it is refused anyway. */
@Entity
@Table(name = "jb_revoked_token", indexes = {@Index(name = "ix_revoked_token_expiry", columnList = "expires_at"),
        @Index(name = "ix_revoked_token_revoked_at", columnList = "revoked_at")})
public class RevokedToken {

    /** SHA-256 of the token's jti, hex: the jti is the token's identity, and no raw ids at rest. */
    @Id
    @Column(name = "jti_hash", length = 64)
    String jtiHash;

    /** The client the token was issued to, which revoked it. */
    @Column(name = "client_id", nullable = false, length = 255)
    String clientId;

    /** The token's exp, epoch seconds. */
    @Column(name = "expires_at", nullable = false)
    long expiresAt;

    /** When it was revoked, epoch milliseconds of the revoking node's clock: what the revocation list's cursor counts. */
    @Column(name = "revoked_at", nullable = false)
    long revokedAt;

    protected RevokedToken() {
    }

    RevokedToken(String jtiHash, String clientId, long expiresAt, long revokedAt) {
        this.jtiHash = jtiHash;
        this.clientId = clientId;
        this.expiresAt = expiresAt;
        this.revokedAt = revokedAt;
    }
}
