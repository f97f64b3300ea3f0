package org.jwtbearer.security.token;

import java.util.Locale;
import java.util.Set;

import org.jwtbearer.security.jose.JweDecrypter;
import org.jwtbearer.security.jose.JweRejectedException;

/**
 * Accepts signed-then-encrypted tokens only: a JWE whose plaintext is a signed JWT, which {@code signedTokens}
 * then verifies as it verifies any signed token. MP-JWT 2.1, "Requirements for accepting signed and encrypted
 * tokens": "If mp.jwt.decrypt.key.location and either mp.jwt.verify.publickey.location or
 * mp.jwt.verify.publickey are set then only the tokens which contain the claims signed first and then encrypted
 * can be accepted." So a token that is only signed, or only encrypted, is refused here.
 *
 * <p>The verified token keeps the token as presented — the JWE — as its raw token: that is what the client sent
 * and what it would send on, and what {@code CachingTokenVerifier} remembers.
 */
public final class DecryptingTokenVerifier implements TokenVerifier {

    /**
     * A JWE carries its signed JWT base64url-encoded once more (4/3 of its length) plus a header, an encrypted key
     * of up to 8192 bits and the IV and tag: this leaves room for every JWS {@link AccessTokenVerifier} accepts.
     */
    public static final int MAX_JWE_LENGTH = AccessTokenVerifier.MAX_TOKEN_LENGTH * 4 / 3 + 2048;

    /** RFC 7519 §5.2: "cty" is "JWT" for a nested JWT; media types are case-insensitive and may carry "application/". */
    private static final Set<String> NESTED_JWT_TYPES = Set.of("jwt", "application/jwt");

    private final JweDecrypter decrypter;
    private final TokenVerifier signedTokens;

    public DecryptingTokenVerifier(JweDecrypter decrypter, TokenVerifier signedTokens) {
        this.decrypter = decrypter;
        this.signedTokens = signedTokens;
    }

    @Override
    public VerifiedAccessToken verify(String token) throws InvalidTokenException {
        if (!JweDecrypter.isCompactJwe(token)) {
            throw new InvalidTokenException("not_encrypted", "The access token must be encrypted (a signed JWT inside a JWE)");
        }
        JweDecrypter.Decrypted decrypted;
        try {
            decrypted = decrypter.decrypt(token, MAX_JWE_LENGTH);
        } catch (JweRejectedException e) {
            throw new InvalidTokenException(e.reason(), "The access token cannot be decrypted");
        }
        String contentType = decrypted.contentType();
        if (contentType == null || !NESTED_JWT_TYPES.contains(contentType.toLowerCase(Locale.ROOT))) {
            // MP-JWT 2.1: "implementations must check that the cty (content type) JWE header is set to JWT".
            throw new InvalidTokenException("cty", "The encrypted access token does not hold a signed JWT (cty JWT)");
        }
        VerifiedAccessToken inner = signedTokens.verify(decrypted.plaintext());
        return new VerifiedAccessToken(token, inner.claims());
    }
}
