package org.jwtbearer.security.jose;

import java.security.Key;
import java.security.interfaces.RSAPublicKey;
import java.util.Set;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * A JWS in compact serialization, parsed but not yet trusted. Nothing read from it before {@link #verify}
 * succeeds may decide anything but which key to try.
 *
 * <p>Only the three-part compact form is accepted: a JWE (five parts), JSON serialization, or an unsecured
 * JWS never get this far, so no decryption, decompression or key derivation can be triggered by input.
 */
public final class CompactJws {

    /** Header members that point at a key instead of naming one we hold (RFC 8725 §3.10 — never fetched, never trusted). */
    private static final Set<String> KEY_CARRYING_HEADERS = Set.of("jku", "x5u", "jwk");

    private final String compact;
    private final JsonWebSignature jws;

    private CompactJws(String compact, JsonWebSignature jws) {
        this.compact = compact;
        this.jws = jws;
    }

    /**
     * Parses {@code compact} and applies the header rules every signed JWT here must meet: a known
     * signature algorithm, no key-carrying header, no {@code crit} extension, no compression.
     */
    public static CompactJws parse(String compact, int maxLength) throws JwsRejectedException {
        if (compact == null || compact.isEmpty()) {
            throw new JwsRejectedException("malformed", "no JWS was given");
        }
        if (compact.length() > maxLength) {
            throw new JwsRejectedException("too_large", "the JWS is longer than " + maxLength + " characters");
        }
        if (countDots(compact) != 2) {
            throw new JwsRejectedException("malformed", "not a JWS in compact serialization (three base64url parts separated by dots)");
        }
        if (!isCanonicalBase64Url(compact)) {
            throw new JwsRejectedException("malformed", "a JWS part is not canonical base64url (RFC 7515 section 2)");
        }
        JsonWebSignature jws = new JsonWebSignature();
        try {
            jws.setCompactSerialization(compact);
        } catch (JoseException | RuntimeException e) {
            throw new JwsRejectedException("malformed", "the JWS header is not valid base64url-encoded JSON");
        }
        CompactJws parsed = new CompactJws(compact, jws);
        parsed.checkHeader();
        return parsed;
    }

    private void checkHeader() throws JwsRejectedException {
        String alg = header("alg");
        if (alg == null) {
            throw new JwsRejectedException("alg_missing", "the JWS header has no alg");
        }
        if (!SignatureAlgorithms.isKnown(alg)) {
            throw new JwsRejectedException("alg_not_allowed", "the signature algorithm " + printable(alg) + " is not accepted");
        }
        for (String name : KEY_CARRYING_HEADERS) {
            if (hasHeader(name)) {
                throw new JwsRejectedException("header_not_allowed", "the JWS header " + name + " is not accepted; keys are never taken from a token");
            }
        }
        if (hasHeader("crit")) {
            throw new JwsRejectedException("crit_not_understood", "the JWS names critical header extensions that are not supported");
        }
        if (hasHeader("zip")) {
            throw new JwsRejectedException("header_not_allowed", "compressed JWS payloads are not accepted");
        }
        if (jws.getEncodedSignature() == null || jws.getEncodedSignature().isEmpty()) {
            throw new JwsRejectedException("signature_missing", "the JWS has no signature");
        }
    }

    public String algorithm() {
        return header("alg");
    }

    public String type() {
        return header("typ");
    }

    public KeySelector.KeyHints keyHints() {
        return new KeySelector.KeyHints(header("kid"), header("x5t#S256"), header("x5t"));
    }

    /** A header member as a string; null when absent or not a string. */
    public String header(String name) {
        Object value = jws.getHeaders().getObjectHeaderValue(name);
        return value instanceof String s ? s : null;
    }

    private boolean hasHeader(String name) {
        return jws.getHeaders().getObjectHeaderValue(name) != null;
    }

    /**
     * Verifies the signature with {@code key}, which must belong to the family the header's algorithm is
     * defined for: that pin is checked here, not left to the caller. So an HMAC is only ever computed with a
     * secret key, never with a public key (RS256 → HS256 confusion), and a signature only ever checked with a
     * public key.
     */
    public void verify(Key key, Set<String> allowedAlgorithms) throws JwsRejectedException {
        String alg = algorithm();
        if (!allowedAlgorithms.contains(alg)) {
            throw new JwsRejectedException("alg_not_allowed", "the signature algorithm " + alg + " is not allowed");
        }
        if (!SignatureAlgorithms.fitsKey(alg, key)) {
            throw new JwsRejectedException("key_alg_mismatch", "the key does not fit the algorithm " + alg);
        }
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, alg));
        jws.setKey(key);
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= KeyStrength.FLOOR_RSA_BITS) {
            // jose4j refuses RSA keys under 2048 bits on its own; the size rule is KeyStrength's, applied when the key
            // was admitted (VerifierKey), where an application may lower it to no less than the floor.
            jws.setDoKeyValidation(false);
        }
        boolean valid;
        try {
            valid = jws.verifySignature();
        } catch (JoseException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new JwsRejectedException("signature_invalid", "the signature does not verify");
        }
    }

    /** The payload as text; trust it only after {@link #verify} returned. */
    public String payload() throws JwsRejectedException {
        try {
            return jws.getUnverifiedPayload();
        } catch (RuntimeException e) {
            throw new JwsRejectedException("malformed", "the JWS payload is not valid base64url");
        }
    }

    public String compact() {
        return compact;
    }

    /**
     * Each of the three parts is unpadded base64url with nothing else in it, and with the unused low bits of its
     * last character zero. jose4j's decoder skips characters outside the alphabet, so without this check
     * {@code "abc?"} and {@code "abc"} — or two encodings differing only in unused bits — would decode alike,
     * while a signature or MAC covers the text as sent: one signed value would stand for many (Wycheproof's
     * base64 vectors).
     */
    static boolean isCanonicalBase64Url(String compact) {
        int partStart = 0;
        for (int i = 0; i <= compact.length(); i++) {
            if (i == compact.length() || compact.charAt(i) == '.') {
                if (!isCanonicalPart(compact, partStart, i)) {
                    return false;
                }
                partStart = i + 1;
            } else if (sextet(compact.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCanonicalPart(String s, int start, int end) {
        int length = end - start;
        return switch (length % 4) {
            case 0 -> true;
            case 1 -> false;
            case 2 -> (sextet(s.charAt(end - 1)) & 0x0f) == 0;
            default -> (sextet(s.charAt(end - 1)) & 0x03) == 0;
        };
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }

    private static int countDots(String s) {
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '.') {
                dots++;
            }
        }
        return dots;
    }

    /** Echoes attacker-supplied text into an error only in a short, printable-ASCII form (RFC 6749 §5.2). */
    public static String printable(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < 40; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : '?');
        }
        return "'" + out + "'";
    }

}
