package org.jwtbearer.issuer.client;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A registered client as stored; {@link RegisteredClient} is the immutable form requests work with. */
@Entity
@Table(name = "jb_client")
public class ClientEntity {

    @Id
    @Column(name = "client_id", length = 255)
    String clientId;

    @Column(name = "name", length = 255)
    String name;

    /** PBKDF2 hash of the client secret ({@link SecretHash}); null for a client without a secret. */
    @Column(name = "secret_hash", length = 255)
    String secretHash;

    /**
     * The client secret sealed with {@code SecretBox} under the client id, for a client allowed HS* algorithms
     * (the HMAC key must be read back); null for every other client.
     */
    @Column(name = "secret_sealed", length = 2048)
    String secretSealed;

    /** Where the client's public keys are fetched from; null for a client with registered keys. */
    @Column(name = "jwks_uri", length = 2048)
    String jwksUri;

    @Column(name = "public_client", nullable = false)
    boolean publicClient;

    @Column(name = "user_field", nullable = false, length = 32)
    String userField;

    @Column(name = "max_assertion_lifetime", nullable = false)
    long maxAssertionLifetime;

    @Column(name = "clock_skew", nullable = false)
    long clockSkew;

    @Column(name = "require_jti", nullable = false)
    boolean requireJti;

    @Column(name = "access_token_lifespan", nullable = false)
    long accessTokenLifespan;

    @Column(name = "active", nullable = false)
    boolean active;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "jb_client_issuer", joinColumns = @JoinColumn(name = "client_id"))
    @Column(name = "issuer", length = 1024)
    Set<String> acceptedIssuers = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "jb_client_audience", joinColumns = @JoinColumn(name = "client_id"))
    @Column(name = "audience", length = 1024)
    Set<String> acceptedAudiences = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "jb_client_scope", joinColumns = @JoinColumn(name = "client_id"))
    @Column(name = "scope", length = 255)
    Set<String> scopes = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "jb_client_algorithm", joinColumns = @JoinColumn(name = "client_id"))
    @Column(name = "algorithm", length = 16)
    Set<String> algorithms = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "jb_claim_validation", joinColumns = @JoinColumn(name = "client_id"))
    Set<ClaimValidation> claimValidations = new LinkedHashSet<>();

    @OneToMany(mappedBy = "client", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    Set<VerifierKeyEntity> verifierKeys = new LinkedHashSet<>();

    @Version
    long version;

    protected ClientEntity() {
    }

    public ClientEntity(String clientId) {
        this.clientId = clientId;
    }
}
