package org.jwtbearer.issuer.keys;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.security.assertion.SigningKey;
import org.jwtbearer.security.jose.CompactJws;
import org.jwtbearer.security.jose.KeyMaterialException;
import org.jwtbearer.security.jose.SignatureAlgorithms;
import org.jwtbearer.security.jose.VerifierKey;

/**
 * Signing keys an operator keeps in a keystore ({@code jwtbearer.signing.keystore}): the key under
 * {@code key-alias} signs, and the keys under {@code next-key-alias} and {@code previous-key-alias} are only
 * published. The operator rotates by changing the aliases and restarting, so the issuer itself never rotates
 * these.
 */
final class KeystoreSigningKeys {

    private KeystoreSigningKeys() {
    }

    static KeyRing load(IssuerSettings settings) {
        Path keystore = Path.of(settings.signingKeystore().orElseThrow());
        char[] password = settings.signingPassword().map(String::toCharArray).orElse(new char[0]);
        SigningKey current = read(keystore, password, settings.signingAlias(), settings.signingAlgorithm());
        List<PublishedKey> keys = new ArrayList<>();
        keys.add(published(current, KeyState.CURRENT));
        settings.signingNextAlias().ifPresent(alias -> keys.add(published(
                read(keystore, password, Optional.of(alias), Optional.empty()), KeyState.NEXT)));
        settings.signingPreviousAlias().ifPresent(alias -> keys.add(published(
                read(keystore, password, Optional.of(alias), Optional.empty()), KeyState.RETIRED)));
        long distinct = keys.stream().map(PublishedKey::kid).distinct().count();
        if (distinct != keys.size()) {
            throw new IllegalStateException("jwtbearer.signing.key-alias, next-key-alias and previous-key-alias must name different keys");
        }
        return KeyRing.of(current, null, keys);
    }

    private static SigningKey read(Path keystore, char[] password, Optional<String> alias, Optional<String> algorithm) {
        SigningKey stored = SigningKey.fromKeystore(keystore, password, alias.orElse(null), null, null, algorithm.orElse(null));
        if (stored.certificate() == null) {
            throw new IllegalStateException("the key " + alias.orElse("") + " in " + keystore + " has no certificate");
        }
        if (!SignatureAlgorithms.isAsymmetric(stored.algorithm())
                || !SignatureAlgorithms.fitsKey(stored.algorithm(), stored.certificate().getPublicKey())) {
            throw new KeyMaterialException("jwtbearer.signing.algorithm " + CompactJws.printable(stored.algorithm())
                    + " does not fit the " + stored.certificate().getPublicKey().getAlgorithm() + " key in " + keystore);
        }
        String kid = SigningKeyMaterial.thumbprint(stored.certificate().getPublicKey());
        return new SigningKey(stored.privateKey(), kid, stored.algorithm(), stored.certificate());
    }

    private static PublishedKey published(SigningKey key, KeyState state) {
        return new PublishedKey(new VerifierKey(key.kid(), key.certificate().getPublicKey(), key.certificate(), key.algorithm()),
                state, key.algorithm(), null, null, null);
    }
}
