package org.jwtbearer.issuer.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A managed signing key. {@code liveState} is CURRENT, NEXT or null for a retired key; its unique key is what lets
 * only one node's CURRENT (or NEXT) in, however many start at once — a unique column admits any number of nulls,
 * so retired keys do not collide.
 */
@Entity
@Table(name = "jb_signing_key", uniqueConstraints = @UniqueConstraint(name = "uk_signing_key_state", columnNames = "live_state"))
public class SigningKeyEntity {

    static final String CURRENT = "CURRENT";
    static final String NEXT = "NEXT";

    @Id
    @Column(name = "kid", length = 64)
    String kid;

    @Column(name = "live_state", length = 8)
    String liveState;

    @Column(name = "algorithm", nullable = false, length = 16)
    String algorithm;

    @Column(name = "public_key", nullable = false, length = 4096)
    String publicKey;

    @Column(name = "private_key", length = 16384)
    String privateKey;

    @Column(name = "created_at", nullable = false)
    long createdAt;

    @Column(name = "activated_at")
    Long activatedAt;

    @Column(name = "retire_until")
    Long retireUntil;

    protected SigningKeyEntity() {
    }

    SigningKeyEntity(StoredSigningKey key) {
        if (key.state() == KeyState.RETIRED) {
            throw new IllegalArgumentException("keys are stored as current or next, and retired by rotation");
        }
        this.kid = key.kid();
        this.liveState = key.state().name();
        this.algorithm = key.algorithm();
        this.publicKey = key.publicKey();
        this.privateKey = key.sealedPrivateKey();
        this.createdAt = key.createdAt();
        this.activatedAt = key.activatedAt();
    }

    StoredSigningKey toStored() {
        KeyState state = liveState == null ? KeyState.RETIRED : KeyState.valueOf(liveState);
        return new StoredSigningKey(kid, state, algorithm, publicKey, privateKey, createdAt, activatedAt,
                state == KeyState.RETIRED && retireUntil == null ? Long.valueOf(0) : retireUntil);
    }
}
