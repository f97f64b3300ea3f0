package org.jwtbearer.issuer.endpoint;

import java.io.InputStream;

import jakarta.ws.rs.core.HttpHeaders;

import org.jwtbearer.issuer.client.RegisteredClient;
import org.jwtbearer.issuer.grant.ClientAuthenticator;
import org.jwtbearer.issuer.grant.OAuthError;
import org.jwtbearer.issuer.grant.OAuthException;

/**
 * The form of a request to an endpoint only clients may call (introspection, revocation), and the client it
 * authenticated as. The client is authenticated before the form's other parameters are looked at, so an
 * unauthenticated caller learns nothing about any token.
 */
record AuthenticatedForm(FormParameters form, RegisteredClient client) {

    /** Whether the request tried Basic authentication: an {@code invalid_client} answer then carries the Basic challenge. */
    static boolean basicUsed(HttpHeaders headers) {
        return BasicCredentials.isBasic(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
    }

    static AuthenticatedForm read(InputStream body, HttpHeaders headers, ClientAuthenticator authenticator) {
        FormParameters form = FormParameters.read(body, headers);
        RegisteredClient client = authenticator.authenticateNamed(ClientCredentialsReader.read(form,
                BasicCredentials.parse(headers.getHeaderString(HttpHeaders.AUTHORIZATION))));
        return new AuthenticatedForm(form, client);
    }

    /** The {@code token} parameter both endpoints require (RFC 7662 §2.1, RFC 7009 §2.1). */
    String token() {
        return form.get("token").orElseThrow(() -> new OAuthException(OAuthError.INVALID_REQUEST,
                "The token parameter is required", "token_missing"));
    }
}
