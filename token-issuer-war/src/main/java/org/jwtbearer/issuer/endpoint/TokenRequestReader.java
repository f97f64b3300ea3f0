package org.jwtbearer.issuer.endpoint;

import java.time.Instant;

import org.jwtbearer.issuer.grant.ClientCredentials;
import org.jwtbearer.issuer.grant.JwtBearerGrant;
import org.jwtbearer.issuer.grant.OAuthError;
import org.jwtbearer.issuer.grant.OAuthException;
import org.jwtbearer.issuer.grant.TokenRequest;

/**
 * From a token request's form and {@code Authorization} header to the grant's input: the client's
 * credentials (one method only), the grant type (only the JWT bearer grant), the assertion and the scope.
 */
public final class TokenRequestReader {

    private TokenRequestReader() {
    }

    public static TokenRequest read(FormParameters form, String authorization, Instant now) {
        ClientCredentials credentials = ClientCredentialsReader.read(form, BasicCredentials.parse(authorization));
        String grantType = form.get("grant_type").orElseThrow(() -> new OAuthException(
                OAuthError.INVALID_REQUEST, "The grant_type parameter is required", "grant_type_missing"));
        if (!JwtBearerGrant.GRANT_TYPE.equals(grantType)) {
            throw new OAuthException(OAuthError.UNSUPPORTED_GRANT_TYPE,
                    "Only the grant type " + JwtBearerGrant.GRANT_TYPE + " is supported", "grant_type_unsupported");
        }
        return new TokenRequest(form.get("assertion").orElse(null), credentials, form.get("scope"), now);
    }
}
