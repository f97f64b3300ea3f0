package org.jwtbearer.security.jose;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Key text in one of the forms MicroProfile JWT 2.1 accepts ("Supported Public Key Formats"): a PEM block, a
 * JWK, a JWK Set, or a JWK or JWK Set base64url-encoded (MP-JWT 1.1's form; plain base64 with padding is read
 * too, which is what a property written with {@code Base64.getEncoder()} holds). The same text serves
 * verification keys and, for {@code mp.jwt.decrypt.key.location}, decryption keys.
 *
 * @param format what the text was recognised as
 * @param text   the PEM text, or the JSON text once decoded from base64
 * @param jwks   for JWK and JWK Set: the JSON objects of the keys, in order; empty for PEM
 */
public record KeyDocument(Format format, String text, List<Map<String, Object>> jwks) {

    public enum Format { PEM, JWK, JWKS }

    private static final Logger LOG = Logger.getLogger(KeyDocument.class.getName());

    /** JWK members that only private or symmetric keys have (RFC 7518 §6.3.2, §6.2.2, §6.4.1). */
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]+={0,2}");

    public KeyDocument {
        jwks = List.copyOf(jwks);
    }

    /**
     * Recognises {@code raw}. PEM is told by its {@code -----BEGIN} line, JSON by its brace; anything else must be
     * base64 of a JSON JWK or JWK Set (not of PEM or DER: MP-JWT names no such form).
     *
     * @throws KeyMaterialException when the text is none of these, or JSON that is neither a JWK ({@code kty})
     *                              nor a JWK Set ({@code keys})
     */
    public static KeyDocument of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new KeyMaterialException("no key text");
        }
        if (raw.length() > RemoteJwks.MAX_DOCUMENT_BYTES) {
            throw new KeyMaterialException("key text longer than " + RemoteJwks.MAX_DOCUMENT_BYTES + " characters");
        }
        String text = raw.strip();
        if (text.startsWith("-----BEGIN ")) {
            return new KeyDocument(Format.PEM, text, List.of());
        }
        if (text.startsWith("{")) {
            return json(text);
        }
        String decoded = decodeBase64(text);
        if (decoded != null && decoded.strip().startsWith("{")) {
            return json(decoded.strip());
        }
        throw new KeyMaterialException("not a PEM key, a JWK, a JWK Set, nor a base64url-encoded JWK or JWK Set");
    }

    private static KeyDocument json(String text) {
        Map<String, Object> object;
        try {
            object = JsonUtil.parseJson(text);
        } catch (JoseException | RuntimeException e) {
            throw new KeyMaterialException("not valid JSON: " + e.getMessage(), e);
        }
        if (object.containsKey("keys")) {
            if (!(object.get("keys") instanceof List<?> entries)) {
                throw new KeyMaterialException("a JWK Set's \"keys\" must be an array");
            }
            List<Map<String, Object>> keys = new ArrayList<>();
            for (Object entry : entries) {
                if (!(entry instanceof Map<?, ?>)) {
                    continue; // as JwkSet does: one bad entry of an issuer's set must not make the others unusable
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> jwk = (Map<String, Object>) entry;
                keys.add(jwk);
            }
            return new KeyDocument(Format.JWKS, text, keys);
        }
        if (object.containsKey("kty")) {
            return new KeyDocument(Format.JWK, text, List.of(object));
        }
        throw new KeyMaterialException("JSON that is neither a JWK (no \"kty\") nor a JWK Set (no \"keys\")");
    }

    /**
     * The base64url (or base64) decoded text, or null when {@code text} is not base64. Whitespace is dropped first:
     * long values are often wrapped.
     */
    private static String decodeBase64(String text) {
        String compact = text.replaceAll("\\s", "");
        if (!BASE64.matcher(compact).matches()) {
            return null;
        }
        String urlSafe = compact.replace('+', '-').replace('/', '_').replace("=", "");
        try {
            return new String(Base64.getUrlDecoder().decode(urlSafe), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Whether the text carries private or symmetric key material anywhere, even in a JWK Set entry that would
     * otherwise be skipped. Key material configured as a public key must hold none: MP-JWT requires a
     * deployment to fail "when given a Private Key in any format", and a private key in a public place is a leak
     * to report, not to work around.
     */
    public boolean holdsPrivateKeyMaterial() {
        if (format == Format.PEM) {
            return Pem.labels(text).stream().anyMatch(label -> label.contains("PRIVATE KEY"));
        }
        return jwks.stream().anyMatch(jwk -> jwk.keySet().stream().anyMatch(PRIVATE_MEMBERS::contains));
    }

    /**
     * The signature-verification keys. A PEM must hold exactly one public key or certificate; a single JWK must
     * be a usable public signature key. In a JWK Set, entries that are not (meant for encryption, of another
     * type, too weak) are left out and logged, as {@link JwkSet} does, so one bad entry of an issuer's set does
     * not make the others unusable; the list may then be empty.
     *
     * @throws KeyMaterialException naming what is wrong
     */
    public List<VerifierKey> verifierKeys() {
        return verifierKeys(KeyStrength.MIN_RSA_BITS);
    }

    /** {@link #verifierKeys()} admitting RSA keys of {@code minRsaBits} or more. */
    public List<VerifierKey> verifierKeys(int minRsaBits) {
        return switch (format) {
            case PEM -> List.of(pemVerifierKey(minRsaBits));
            case JWK -> List.of(VerifierKey.fromJwk(null, jwks.get(0), minRsaBits));
            case JWKS -> JwkSet.parse(text, minRsaBits);
        };
    }

    private VerifierKey pemVerifierKey(int minRsaBits) {
        String label = singlePemLabel();
        return switch (label) {
            case "PUBLIC KEY" -> VerifierKey.fromPublicKeyPem(null, text, minRsaBits);
            case "CERTIFICATE" -> VerifierKey.fromCertificatePem(null, text, minRsaBits);
            case "RSA PUBLIC KEY" -> throw new KeyMaterialException("PKCS#1 RSA public keys are not read; convert it "
                    + "(openssl rsa -RSAPublicKey_in -in key.pem -pubout) to a PUBLIC KEY block");
            default -> {
                if (label.contains("PRIVATE KEY")) {
                    throw new KeyMaterialException("a private key (" + label + ") was given where the public key is "
                            + "expected; configure the public key only");
                }
                throw new KeyMaterialException("PEM block is " + label + "; expected PUBLIC KEY or CERTIFICATE");
            }
        };
    }

    /**
     * The RSA private keys that decrypt JWE key management. A PEM must hold one PKCS#8 (or PKCS#1) private key;
     * in a JWK Set, entries that are not RSA private keys for encryption are left out and logged.
     *
     * @throws KeyMaterialException naming what is wrong, or when no usable key remains
     */
    public List<DecryptionKey> decryptionKeys() {
        List<DecryptionKey> keys = switch (format) {
            case PEM -> List.of(pemDecryptionKey());
            case JWK -> List.of(DecryptionKey.fromJwk(jwks.get(0)));
            case JWKS -> jwkSetDecryptionKeys();
        };
        if (keys.isEmpty()) {
            throw new KeyMaterialException("the JWK Set holds no RSA private key for decryption");
        }
        return keys;
    }

    private DecryptionKey pemDecryptionKey() {
        String label = singlePemLabel();
        if (!label.contains("PRIVATE KEY")) {
            throw new KeyMaterialException("PEM block is " + label + "; decryption needs the PRIVATE KEY");
        }
        return new DecryptionKey(null, Pem.parsePrivateKey(text), null);
    }

    private List<DecryptionKey> jwkSetDecryptionKeys() {
        List<DecryptionKey> keys = new ArrayList<>();
        for (Map<String, Object> jwk : jwks) {
            try {
                keys.add(DecryptionKey.fromJwk(jwk));
            } catch (KeyMaterialException e) {
                LOG.log(Level.WARNING, "Skipping decryption JWK {0}: {1}", new Object[] {jwk.get("kid"), e.getMessage()});
            }
        }
        return keys;
    }

    /** One PEM block per key text: a chain or a bundle would leave open which of its keys is meant. */
    private String singlePemLabel() {
        List<String> labels = Pem.labels(text);
        if (labels.size() != 1) {
            throw new KeyMaterialException("the PEM text holds " + labels.size() + " blocks; exactly one key is expected");
        }
        return labels.get(0);
    }
}
