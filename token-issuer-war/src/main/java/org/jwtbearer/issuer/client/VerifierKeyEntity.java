package org.jwtbearer.issuer.client;

import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.jwtbearer.security.jose.KeyMaterialException;
import org.jwtbearer.security.jose.VerifierKey;

/** A client's verification key, stored in the form it was registered in (certificate, JWK or public key PEM). */
@Entity
@Table(name = "jb_verifier_key")
public class VerifierKeyEntity {

    public enum Format { CERTIFICATE, JWK, PUBLIC_KEY }

    /* A sequence, not IDENTITY: EclipseLink (Payara) reads identity values with CALL IDENTITY(), which H2 2.x no
       longer has; sequences work the same under every provider and database we support. */
    @Id
    @SequenceGenerator(name = "verifier_key_seq", sequenceName = "jb_verifier_key_seq", allocationSize = 1, initialValue = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "verifier_key_seq")
    Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "client_id")
    ClientEntity client;

    @Column(name = "kid", length = 255)
    String kid;

    @Column(name = "format", nullable = false, length = 16)
    String format;

    @Column(name = "material", nullable = false, length = 16384)
    String material;

    protected VerifierKeyEntity() {
    }

    VerifierKeyEntity(ClientEntity client, String kid, Format format, String material) {
        this.client = client;
        this.kid = kid;
        this.format = format.name();
        this.material = material;
    }

    /** Parses the stored material; the same parser refused weak or private keys when the key was registered. */
    public VerifierKey toVerifierKey() {
        return parse(kid, Format.valueOf(format), material);
    }

    /** The key that registered material stands for; throws {@link KeyMaterialException} for unusable material. */
    static VerifierKey parse(String kid, Format format, String material) {
        return switch (format) {
            case CERTIFICATE -> VerifierKey.fromCertificatePem(kid, material);
            case PUBLIC_KEY -> VerifierKey.fromPublicKeyPem(kid, material);
            case JWK -> VerifierKey.fromJwk(kid, parseJson(material));
        };
    }

    static Map<String, Object> parseJson(String json) {
        try {
            return JsonUtil.parseJson(json);
        } catch (JoseException e) {
            throw new KeyMaterialException("not a JSON object: " + e.getMessage(), e);
        }
    }
}
