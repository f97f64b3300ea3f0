package org.jwtbearer.security.config;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.config.Names;
import org.jwtbearer.security.jose.DecryptionKey;
import org.jwtbearer.security.jose.KeyDocument;
import org.jwtbearer.security.jose.KeyLocation;
import org.jwtbearer.security.jose.KeyMaterialException;
import org.jwtbearer.security.jose.KeyStrength;
import org.jwtbearer.security.jose.SignatureAlgorithms;
import org.jwtbearer.security.jose.VerifierKey;

/**
 * The keys of MicroProfile JWT 2.1 configuration, checked and — except at {@code http(s):} locations — loaded at
 * deployment, so a key that cannot be read or is no key fails the deployment with the configuration key named:
 *
 * <ul>
 *   <li>{@code mp.jwt.verify.publickey}: the key text itself (PEM, JWK, JWK Set, base64url JWK or JWK Set);</li>
 *   <li>{@code mp.jwt.verify.publickey.location}: where that text is ({@link KeyLocation}); an {@code http(s):}
 *   URL is fetched on first use and refreshed instead (the issuer's JWKS endpoint, or an endpoint of the very
 *   application being deployed, which does not answer yet);</li>
 *   <li>{@code mp.jwt.verify.publickey.algorithm}: the signature algorithm accepted, default RS256 (a
 *   comma-separated list is accepted too, for an issuer moving from one algorithm to another);</li>
 *   <li>{@code mp.jwt.decrypt.key.location}: the RSA private key of signed-then-encrypted tokens (PKCS#8 PEM, JWK,
 *   JWK Set);</li>
 *   <li>{@code mp.jwt.decrypt.key.algorithm}: RSA-OAEP or RSA-OAEP-256; unset, both;</li>
 *   <li>{@code jwtbearer.verify.rsa-min-bits}: the least RSA verification key size, default 2048, at least 1024.</li>
 * </ul>
 *
 * @param staticKeys          the verification keys, when configured inline or at a file, class-path or other
 *                            non-http location; empty when {@code remoteKeys} is set
 * @param remoteKeys          the http(s) location of the verification keys, fetched and refreshed at run time
 * @param signatureAlgorithms the JWS algorithms accepted
 * @param decryption          how tokens are decrypted, when {@code mp.jwt.decrypt.key.location} is set
 * @param minRsaBits          the least RSA modulus size of a verification key, static or fetched
 */
public record KeySettings(List<VerifierKey> staticKeys, Optional<URI> remoteKeys, Set<String> signatureAlgorithms,
                          Optional<Decryption> decryption, int minRsaBits) {

    public static final String RSA_MIN_BITS = "jwtbearer.verify.rsa-min-bits";

    /** MP-JWT 2.1: "Default value is RS256". */
    public static final String DEFAULT_SIGNATURE_ALGORITHM = "RS256";

    /**
     * @param keys       the RSA private keys
     * @param algorithms the key-management algorithms accepted
     */
    public record Decryption(List<DecryptionKey> keys, Set<String> algorithms) {

        public Decryption {
            keys = List.copyOf(keys);
            algorithms = Set.copyOf(algorithms);
        }
    }

    public KeySettings {
        staticKeys = List.copyOf(staticKeys);
        signatureAlgorithms = Set.copyOf(signatureAlgorithms);
        if (staticKeys.isEmpty() == remoteKeys.isEmpty()) {
            throw new IllegalArgumentException("either static keys or a remote key location, not both and not neither");
        }
        if (signatureAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("at least one signature algorithm must be accepted");
        }
    }

    /** Keys at an http(s) location, RS256, no decryption: the shape of an issuer's JWKS endpoint. */
    public static KeySettings remote(URI jwks) {
        return new KeySettings(List.of(), Optional.of(jwks), Set.of(DEFAULT_SIGNATURE_ALGORITHM), Optional.empty(),
                KeyStrength.MIN_RSA_BITS);
    }

    /**
     * The key settings, or empty when none of {@code mp.jwt.verify.publickey}, {@code …publickey.location} and
     * {@code mp.jwt.decrypt.key.location} is set (the application does not take bearer tokens). Class-path
     * locations are resolved by the thread context class loader: the application's, at deployment.
     *
     * @throws IllegalStateException naming the configuration key whose value cannot be used
     */
    public static Optional<KeySettings> from(Config config) {
        return from(config, Thread.currentThread().getContextClassLoader());
    }

    public static Optional<KeySettings> from(Config config, ClassLoader loader) {
        Optional<String> inline = value(config, Names.VERIFIER_PUBLIC_KEY);
        Optional<String> location = value(config, Names.VERIFIER_PUBLIC_KEY_LOCATION);
        Optional<String> decryptLocation = value(config, Names.DECRYPTOR_KEY_LOCATION);
        if (inline.isEmpty() && location.isEmpty() && decryptLocation.isEmpty()) {
            return Optional.empty();
        }
        if (inline.isPresent() && location.isPresent()) {
            // MP-JWT 2.1: "required to throw a DeploymentException if both ... are supplied".
            throw new IllegalStateException(Names.VERIFIER_PUBLIC_KEY + " and " + Names.VERIFIER_PUBLIC_KEY_LOCATION
                    + " are both set; set one of them");
        }
        if (inline.isEmpty() && location.isEmpty()) {
            // MP-JWT 2.1 makes encrypted-only tokens optional. They prove nothing about who issued them: anyone
            // holding the (public) encryption key can make one. So the issuer's signature is always required.
            throw new IllegalStateException(Names.DECRYPTOR_KEY_LOCATION + " is set without " + Names.VERIFIER_PUBLIC_KEY
                    + " or " + Names.VERIFIER_PUBLIC_KEY_LOCATION + ": tokens that are encrypted but not signed are not "
                    + "accepted; configure the issuer's public key as well");
        }
        Set<String> algorithms = signatureAlgorithms(config);
        int minRsaBits = minRsaBits(config);
        Optional<URI> remote = Optional.empty();
        List<VerifierKey> keys = List.of();
        if (inline.isPresent()) {
            keys = verifierKeys(Names.VERIFIER_PUBLIC_KEY, inline.get(), minRsaBits);
        } else {
            KeyLocation keyLocation = location(Names.VERIFIER_PUBLIC_KEY_LOCATION, location.get());
            if (keyLocation.isRemote()) {
                remote = Optional.of(keyLocation.uri());
            } else {
                keys = verifierKeys(Names.VERIFIER_PUBLIC_KEY_LOCATION, read(Names.VERIFIER_PUBLIC_KEY_LOCATION, keyLocation, loader),
                        minRsaBits);
            }
        }
        if (!keys.isEmpty() && keys.stream().noneMatch(k -> algorithms.stream().anyMatch(k::allows))) {
            throw new IllegalStateException("no configured verification key can verify " + String.join(" or ", algorithms)
                    + " signatures; set " + Names.VERIFIER_PUBLIC_KEY_ALGORITHM + " to the algorithm the issuer signs with");
        }
        return Optional.of(new KeySettings(keys, remote, algorithms, decryption(config, decryptLocation, loader), minRsaBits));
    }

    private static Set<String> signatureAlgorithms(Config config) {
        Set<String> algorithms = list(config, Names.VERIFIER_PUBLIC_KEY_ALGORITHM).orElse(Set.of(DEFAULT_SIGNATURE_ALGORITHM));
        for (String alg : algorithms) {
            if (!SignatureAlgorithms.isAsymmetric(alg)) {
                throw new IllegalStateException(Names.VERIFIER_PUBLIC_KEY_ALGORITHM + ": " + alg + " is not accepted; one of "
                        + SignatureAlgorithms.ASYMMETRIC + " (symmetric algorithms such as HS256 are not, as MP-JWT says)");
            }
        }
        return algorithms;
    }

    private static Optional<Decryption> decryption(Config config, Optional<String> location, ClassLoader loader) {
        Optional<Set<String>> configured = list(config, Names.DECRYPTOR_KEY_ALGORITHM);
        if (location.isEmpty()) {
            if (configured.isPresent()) {
                throw new IllegalStateException(Names.DECRYPTOR_KEY_ALGORITHM + " is set without " + Names.DECRYPTOR_KEY_LOCATION);
            }
            return Optional.empty();
        }
        // MP-JWT 2.1: "If mp.jwt.decryption.algorithm is not set then both RSA-OAEP and RSA-OAEP-256 must be accepted."
        Set<String> algorithms = configured.orElse(DecryptionKey.ALGORITHMS);
        for (String alg : algorithms) {
            if (!DecryptionKey.ALGORITHMS.contains(alg)) {
                throw new IllegalStateException(Names.DECRYPTOR_KEY_ALGORITHM + ": " + alg + " is not accepted; RSA-OAEP or RSA-OAEP-256");
            }
        }
        KeyLocation keyLocation = location(Names.DECRYPTOR_KEY_LOCATION, location.get());
        if (keyLocation.value().regionMatches(true, 0, "http:", 0, 5)) {
            // The specification itself advises against it; a private key in clear over the network is refused.
            throw new IllegalStateException(Names.DECRYPTOR_KEY_LOCATION + ": a private key is not fetched over plain http; "
                    + "use https, a file or the class path");
        }
        List<DecryptionKey> keys;
        try {
            keys = KeyDocument.of(read(Names.DECRYPTOR_KEY_LOCATION, keyLocation, loader)).decryptionKeys();
        } catch (KeyMaterialException e) {
            throw new IllegalStateException(Names.DECRYPTOR_KEY_LOCATION + " (" + keyLocation + "): " + e.getMessage(), e);
        }
        if (keys.stream().noneMatch(k -> algorithms.stream().anyMatch(k::allows))) {
            throw new IllegalStateException(Names.DECRYPTOR_KEY_LOCATION + ": no key there may be used with "
                    + String.join(" or ", algorithms) + " (see the keys' alg and " + Names.DECRYPTOR_KEY_ALGORITHM + ")");
        }
        return Optional.of(new Decryption(keys, algorithms));
    }

    private static int minRsaBits(Config config) {
        int bits = config.getOptionalValue(RSA_MIN_BITS, Integer.class).orElse(KeyStrength.MIN_RSA_BITS);
        if (bits < KeyStrength.FLOOR_RSA_BITS) {
            throw new IllegalStateException(RSA_MIN_BITS + " is " + bits + "; RSA keys of fewer than "
                    + KeyStrength.FLOOR_RSA_BITS + " bits are never accepted");
        }
        return bits;
    }

    private static List<VerifierKey> verifierKeys(String configKey, String text, int minRsaBits) {
        try {
            KeyDocument document = KeyDocument.of(text);
            if (document.holdsPrivateKeyMaterial()) {
                // MP-JWT 2.1: "required to throw a DeploymentException when given a Private Key in any format".
                throw new KeyMaterialException("it holds private key material; configure the public key only");
            }
            List<VerifierKey> keys = document.verifierKeys(minRsaBits);
            if (keys.isEmpty()) {
                throw new KeyMaterialException("the JWK Set holds no usable signature key");
            }
            return keys;
        } catch (KeyMaterialException e) {
            throw new IllegalStateException(configKey + ": " + e.getMessage(), e);
        }
    }

    private static KeyLocation location(String configKey, String value) {
        try {
            return KeyLocation.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(configKey + ": " + e.getMessage(), e);
        }
    }

    private static String read(String configKey, KeyLocation location, ClassLoader loader) {
        try {
            return location.read(loader);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(configKey + ": cannot read " + location + ": " + e, e);
        }
    }

    private static Optional<String> value(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Optional<Set<String>> list(Config config, String key) {
        return value(config, key)
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .filter(s -> !s.isEmpty())
                .map(Set::copyOf);
    }
}
