package org.jwtbearer.issuer.grant;

import org.jwtbearer.issuer.client.RegisteredClient;

/**
 * Checks the client's credentials. Credentials that are present are always checked, even for a public
 * client, and every failure is the same {@code invalid_client} to the caller.
 */
final class ClientAuthenticator {

    static final String FAILED = "Client authentication failed";

    private ClientAuthenticator() {
    }

    static void authenticate(RegisteredClient client, ClientCredentials credentials, SecretVerifier secrets) {
        if (!client.active()) {
            throw new OAuthException(OAuthError.INVALID_CLIENT, FAILED, "client_inactive");
        }
        if (credentials.secret().isPresent()) {
            String hash = client.secretHash()
                    .orElseThrow(() -> new OAuthException(OAuthError.INVALID_CLIENT, FAILED, "client_has_no_secret"));
            if (!secrets.matches(credentials.secret().get(), hash)) {
                throw new OAuthException(OAuthError.INVALID_CLIENT, FAILED, "client_secret_mismatch");
            }
        } else if (client.requiresSecret()) {
            throw new OAuthException(OAuthError.INVALID_CLIENT, FAILED, "client_secret_missing");
        }
    }
}
