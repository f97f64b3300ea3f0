package org.jwtbearer.issuer.revocation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The instant before which every access token of a client or of a user is refused: set when the client or user
 * is deactivated or deleted, so the tokens it already holds stop working too. Kept until every token it can
 * concern has expired.
 */
@Entity
@Table(name = "jb_token_not_before")
public class TokenNotBefore {

    public static final String CLIENT = "client";
    public static final String USER = "user";

    /** {@code kind:subject}: one row per client or user. */
    @Id
    @Column(name = "subject_key", length = 300)
    String subjectKey;

    /** {@value #CLIENT} (subject = the token's {@code client_id}) or {@value #USER} (subject = its {@code sub}, the sys_id). */
    @Column(name = "kind", nullable = false, length = 8)
    String kind;

    @Column(name = "subject", nullable = false, length = 255)
    String subject;

    /** Epoch seconds: a token whose {@code iat} is before this is refused. */
    @Column(name = "not_before", nullable = false)
    long notBefore;

    /** Epoch seconds after which no token it concerns is alive any more: the row may go. */
    @Column(name = "expires_at", nullable = false)
    long expiresAt;

    /** Epoch milliseconds of the last change: what the revocation list's cursor counts. */
    @Column(name = "changed_at", nullable = false)
    long changedAt;

    protected TokenNotBefore() {
    }

    TokenNotBefore(String kind, String subject) {
        this.subjectKey = key(kind, subject);
        this.kind = kind;
        this.subject = subject;
    }

    static String key(String kind, String subject) {
        return kind + ":" + subject;
    }

    public String kind() {
        return kind;
    }

    public String subject() {
        return subject;
    }

    public long notBefore() {
        return notBefore;
    }

    public long expiresAt() {
        return expiresAt;
    }
}
