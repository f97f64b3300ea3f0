package org.jwtbearer.issuer.endpoint;

import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.jwtbearer.issuer.grant.OAuthError;
import org.jwtbearer.issuer.grant.OAuthException;

/**
 * HTTP Basic client credentials as RFC 6749 §2.3.1 defines them: id and secret each form-urlencoded, then
 * joined by a colon and base64 encoded — so a colon in a client id arrives as {@code %3A}.
 */
public record BasicCredentials(String clientId, String secret) {

    /** Whether the Authorization header uses the Basic scheme, well-formed or not. */
    public static boolean isBasic(String authorization) {
        if (authorization == null) {
            return false;
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        return scheme.toLowerCase(Locale.ROOT).equals("basic");
    }

    /** The credentials of a {@code Basic} Authorization header; empty when the header is absent or of another scheme. */
    public static Optional<BasicCredentials> parse(String authorization) {
        if (!isBasic(authorization)) {
            return Optional.empty();
        }
        int space = authorization.indexOf(' ');
        String decoded;
        try {
            byte[] raw = Base64.getDecoder().decode(authorization.substring(space + 1).strip());
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (IllegalArgumentException | IndexOutOfBoundsException | CharacterCodingException e) {
            throw malformed();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw malformed();
        }
        try {
            return Optional.of(new BasicCredentials(
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static OAuthException malformed() {
        return new OAuthException(OAuthError.INVALID_CLIENT, "Client authentication failed", "basic_malformed");
    }
}
