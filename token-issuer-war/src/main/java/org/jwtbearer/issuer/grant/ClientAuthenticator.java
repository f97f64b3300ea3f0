package org.jwtbearer.issuer.grant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jwtbearer.issuer.client.ClientRegistry;
import org.jwtbearer.issuer.client.RegisteredClient;

/**
 * Checks the client's credentials. Credentials that are present are always checked, even for a public
 * client, and every failure is the same {@code invalid_client} to the caller; the precise reason goes to
 * the audit log.
 */
@ApplicationScoped
public class ClientAuthenticator {

    public static final String FAILED = "Client authentication failed";

    @Inject
    ClientRegistry clients;

    @Inject
    SecretVerifier secrets;

    /**
     * For the endpoints where a client must name and prove itself (introspection, revocation): a client
     * that presents no credential at all is refused, public or not.
     */
    public RegisteredClient authenticateNamed(ClientCredentials credentials) {
        String clientId = credentials.clientId()
                .orElseThrow(() -> new OAuthException(OAuthError.INVALID_CLIENT, FAILED, "client_unnamed"));
        RegisteredClient client = find(clientId);
        if (credentials.method() == ClientCredentials.Method.NONE) {
            throw new OAuthException(OAuthError.INVALID_CLIENT, FAILED, "client_credentials_missing");
        }
        authenticate(client, credentials);
        return client;
    }

    /** The client with this id; unknown is {@code invalid_client}. */
    public RegisteredClient find(String clientId) {
        return clients.find(clientId)
                .orElseThrow(() -> new OAuthException(OAuthError.INVALID_CLIENT, FAILED, "client_unknown"));
    }

    /** Checks the credentials presented for an already identified client. */
    public void authenticate(RegisteredClient client, ClientCredentials credentials) {
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
