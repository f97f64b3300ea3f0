package org.jwtbearer.issuer.keys;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.security.assertion.SigningKey;
import org.jwtbearer.security.jose.JwkSet;
import org.jwtbearer.security.jose.VerifierKey;

/**
 * The key the issuer signs access tokens with, and the public keys it publishes.
 *
 * <p>With {@code jwtbearer.signing.keystore} set, the key comes from that PKCS12/JKS file. Without it a
 * 2048-bit RSA key is generated at start-up: fine for one node and for trying the product, but tokens do
 * not survive a restart and several nodes would disagree — so it is logged as a warning.
 */
@ApplicationScoped
public class IssuerSigningKeys {

    private static final Logger LOG = Logger.getLogger(IssuerSigningKeys.class.getName());

    @Inject
    IssuerSettings settings;

    private SigningKey signingKey;
    private List<VerifierKey> published;
    private String publishedJson;

    @PostConstruct
    void load() {
        KeyPair pair;
        String algorithm;
        X509Certificate certificate;
        if (settings.signingKeystore().isPresent()) {
            char[] password = settings.signingPassword().map(String::toCharArray).orElse(new char[0]);
            SigningKey stored = SigningKey.fromKeystore(Path.of(settings.signingKeystore().get()), password,
                    settings.signingAlias().orElse(null), null, null, null);
            if (stored.certificate() == null) {
                throw new IllegalStateException("the signing key in " + settings.signingKeystore().get() + " has no certificate");
            }
            certificate = stored.certificate();
            pair = new KeyPair(certificate.getPublicKey(), stored.privateKey());
            algorithm = stored.algorithm();
        } else {
            LOG.warning("jwtbearer.signing.keystore is not set: signing access tokens with a key generated for this run only");
            pair = generateRsa();
            algorithm = "RS256";
            certificate = null;
        }
        String kid = thumbprint(pair.getPublic());
        signingKey = new SigningKey(pair.getPrivate(), kid, algorithm, certificate);
        published = List.of(new VerifierKey(kid, pair.getPublic(), certificate));
        publishedJson = JwkSet.toJson(published);
        LOG.info(() -> "Signing access tokens with key " + kid + " (" + signingKey.algorithm() + ")");
    }

    public SigningKey current() {
        return signingKey;
    }

    /** The keys a resource server may see tokens signed with. */
    public List<VerifierKey> published() {
        return published;
    }

    /** {@link #published()} as a JWK Set document, for {@code /oauth2/jwks}. */
    public String publishedJwkSet() {
        return publishedJson;
    }

    /** The kid is the key's RFC 7638 thumbprint: stable for the key, and different for every other key. */
    private static String thumbprint(PublicKey publicKey) {
        try {
            return PublicJsonWebKey.Factory.newPublicJwk(publicKey).calculateBase64urlEncodedThumbprint("SHA-256");
        } catch (JoseException e) {
            throw new IllegalStateException("cannot compute the signing key's thumbprint", e);
        }
    }

    private static KeyPair generateRsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }
}
