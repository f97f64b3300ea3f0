package org.jwtbearer.security.jose;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.lang.JoseException;

/**
 * Decrypts JWEs in compact serialization (RFC 7516) with configured RSA private keys — MP-JWT 2.1's
 * {@code mp.jwt.decrypt.key.location} — and nothing else: only the configured key-management algorithms
 * (RSA-OAEP, RSA-OAEP-256), only A256GCM content encryption, no compression, no key taken from the token.
 * Every header rule is checked before the private key is used, so input alone cannot select an algorithm,
 * trigger decompression or name a key we do not hold.
 */
public final class JweDecrypter {

    /** MP-JWT 2.1: "Content encryption algorithm which must be supported is A256GCM"; nothing else is needed. */
    public static final String CONTENT_ENCRYPTION = "A256GCM";

    /**
     * Header members refused outright: keys never come from a token (RFC 8725 §3.10), compressed plaintext is a
     * decompression bomb waiting to happen, and no critical extension is understood.
     */
    private static final List<String> REFUSED_HEADERS = List.of("jku", "x5u", "jwk", "zip", "crit");

    /** The plaintext, and the {@code cty} the JWE declared for it (null when none). */
    public record Decrypted(String plaintext, String contentType) {
    }

    private final List<DecryptionKey> keys;
    private final Set<String> algorithms;

    /**
     * @param algorithms the key-management algorithms accepted, a non-empty subset of
     *                   {@link DecryptionKey#ALGORITHMS}
     */
    public JweDecrypter(List<DecryptionKey> keys, Set<String> algorithms) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no decryption key");
        }
        if (algorithms.isEmpty() || !DecryptionKey.ALGORITHMS.containsAll(algorithms)) {
            throw new IllegalArgumentException("key-management algorithms must be among " + DecryptionKey.ALGORITHMS);
        }
        this.keys = List.copyOf(keys);
        this.algorithms = Set.copyOf(algorithms);
    }

    /** Whether {@code token} has the shape of a compact JWE: five parts. */
    public static boolean isCompactJwe(String token) {
        return token != null && token.chars().filter(c -> c == '.').count() == 4;
    }

    public Decrypted decrypt(String compact, int maxLength) throws JweRejectedException {
        if (compact == null || compact.isEmpty()) {
            throw new JweRejectedException("malformed", "no JWE was given");
        }
        if (compact.length() > maxLength) {
            throw new JweRejectedException("too_large", "the JWE is longer than " + maxLength + " characters");
        }
        if (!isCompactJwe(compact)) {
            throw new JweRejectedException("malformed", "not a JWE in compact serialization (five base64url parts separated by dots)");
        }
        if (!CompactJws.isCanonicalBase64Url(compact)) {
            throw new JweRejectedException("malformed", "a JWE part is not canonical base64url (RFC 7516 section 2)");
        }
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                algorithms.toArray(String[]::new)));
        jwe.setContentEncryptionAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                CONTENT_ENCRYPTION));
        try {
            jwe.setCompactSerialization(compact);
        } catch (JoseException | RuntimeException e) {
            throw new JweRejectedException("malformed", "the JWE header is not valid base64url-encoded JSON");
        }
        DecryptionKey key = checkHeaderAndSelectKey(jwe);
        jwe.setKey(key.privateKey());
        String plaintext;
        try {
            plaintext = jwe.getPlaintextString();
        } catch (JoseException | RuntimeException e) {
            // Wrong key, altered ciphertext or tag: one answer for all, no detail an oracle could use.
            throw new JweRejectedException("decryption_failed", "the JWE cannot be decrypted");
        }
        if (plaintext == null) {
            throw new JweRejectedException("decryption_failed", "the JWE cannot be decrypted");
        }
        return new Decrypted(plaintext, header(jwe, "cty"));
    }

    private DecryptionKey checkHeaderAndSelectKey(JsonWebEncryption jwe) throws JweRejectedException {
        String alg = header(jwe, "alg");
        if (alg == null) {
            throw new JweRejectedException("alg_missing", "the JWE header has no alg");
        }
        if (!algorithms.contains(alg)) {
            throw new JweRejectedException("alg_not_allowed", "the key-management algorithm " + CompactJws.printable(alg) + " is not accepted");
        }
        String enc = header(jwe, "enc");
        if (!CONTENT_ENCRYPTION.equals(enc)) {
            throw new JweRejectedException("enc_not_allowed", "the content encryption " + CompactJws.printable(String.valueOf(enc))
                    + " is not accepted; " + CONTENT_ENCRYPTION + " is");
        }
        for (String name : REFUSED_HEADERS) {
            if (jwe.getHeaders().getObjectHeaderValue(name) != null) {
                throw new JweRejectedException("header_not_allowed", "the JWE header " + name + " is not accepted");
            }
        }
        return select(header(jwe, "kid"), alg)
                .orElseThrow(() -> new JweRejectedException("unknown_key", "the JWE is encrypted for a key this service does not hold"));
    }

    /**
     * The key the JWE names by {@code kid}; without a {@code kid}, the one key that fits the algorithm. As for
     * verification keys, a single configured key without a kid (a PEM key) answers whatever kid the JWE names.
     */
    private Optional<DecryptionKey> select(String kid, String alg) {
        List<DecryptionKey> fitting = keys.stream().filter(k -> k.allows(alg)).toList();
        if (kid == null) {
            return fitting.size() == 1 ? Optional.of(fitting.get(0)) : Optional.empty();
        }
        List<DecryptionKey> named = fitting.stream().filter(k -> kid.equals(k.kid())).toList();
        if (named.size() == 1) {
            return Optional.of(named.get(0));
        }
        boolean soleUnnamed = keys.size() == 1 && keys.get(0).kid() == null;
        return named.isEmpty() && soleUnnamed && fitting.size() == 1 ? Optional.of(fitting.get(0)) : Optional.empty();
    }

    private static String header(JsonWebEncryption jwe, String name) {
        Object value = jwe.getHeaders().getObjectHeaderValue(name);
        return value instanceof String s ? s : null;
    }
}
