package org.jwtbearer.issuer.endpoint;

import java.util.Optional;

import org.jwtbearer.issuer.grant.ClientCredentials;
import org.jwtbearer.issuer.grant.OAuthError;
import org.jwtbearer.issuer.grant.OAuthException;

/**
 * Works out how a request to one of the client-authenticated endpoints (token, introspection, revocation)
 * names and authenticates its client: Basic or body credentials, never both (RFC 6749 §2.3: one
 * authentication method per request).
 */
public final class ClientCredentialsReader {

    private ClientCredentialsReader() {
    }

    public static ClientCredentials read(FormParameters form, Optional<BasicCredentials> basic) {
        if (form.get("client_assertion").isPresent() || form.get("client_assertion_type").isPresent()) {
            throw new OAuthException(OAuthError.INVALID_CLIENT,
                    "client_assertion authentication is not enabled on this server", "client_assertion_unsupported");
        }
        Optional<String> bodyId = form.get("client_id");
        Optional<String> bodySecret = form.get("client_secret");
        if (basic.isPresent()) {
            if (bodySecret.isPresent() || (bodyId.isPresent() && !bodyId.get().equals(basic.get().clientId()))) {
                throw new OAuthException(OAuthError.INVALID_REQUEST,
                        "Client credentials were sent both in the Authorization header and in the body", "credentials_twice");
            }
            return new ClientCredentials(Optional.of(basic.get().clientId()), Optional.of(basic.get().secret()),
                    ClientCredentials.Method.CLIENT_SECRET_BASIC);
        }
        if (bodySecret.isPresent()) {
            if (bodyId.isEmpty()) {
                throw new OAuthException(OAuthError.INVALID_REQUEST, "client_secret was sent without client_id", "client_id_missing");
            }
            return new ClientCredentials(bodyId, bodySecret, ClientCredentials.Method.CLIENT_SECRET_POST);
        }
        return ClientCredentials.none(bodyId);
    }
}
