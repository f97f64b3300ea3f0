package org.jwtbearer.issuer.endpoint;

import java.util.Optional;

import org.jwtbearer.issuer.grant.ClientAssertion;
import org.jwtbearer.issuer.grant.ClientAuthenticator;
import org.jwtbearer.issuer.grant.ClientCredentials;
import org.jwtbearer.issuer.grant.OAuthError;
import org.jwtbearer.issuer.grant.OAuthException;

/**
 * Works out how a request to one of the client-authenticated endpoints (token, introspection, revocation)
 * names and authenticates its client: Basic, body credentials, or a client assertion — exactly one of them
 * (RFC 6749 §2.3: one authentication method per request).
 */
public final class ClientCredentialsReader {

    private ClientCredentialsReader() {
    }

    public static ClientCredentials read(FormParameters form, Optional<BasicCredentials> basic) {
        if (form.get("client_assertion").isPresent() || form.get("client_assertion_type").isPresent()) {
            return clientAssertion(form, basic);
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

    /**
     * RFC 7523 §2.2 / RFC 7521 §4.2: the client is the assertion's {@code sub}; a {@code client_id}, if sent,
     * must name the same client. Which client that is stays unverified until the authenticator checked the
     * signature.
     */
    private static ClientCredentials clientAssertion(FormParameters form, Optional<BasicCredentials> basic) {
        if (basic.isPresent() || form.get("client_secret").isPresent()) {
            throw new OAuthException(OAuthError.INVALID_REQUEST,
                    "A client_assertion cannot be combined with a client secret or HTTP Basic credentials", "credentials_twice");
        }
        String type = form.get("client_assertion_type").orElseThrow(() -> new OAuthException(OAuthError.INVALID_REQUEST,
                "client_assertion_type is required with client_assertion", "client_assertion_type_missing"));
        String compact = form.get("client_assertion").orElseThrow(() -> new OAuthException(OAuthError.INVALID_REQUEST,
                "client_assertion is required with client_assertion_type", "client_assertion_missing"));
        if (!ClientAssertion.TYPE.equals(type)) {
            // RFC 6749 §5.2: an unsupported authentication method is invalid_client.
            throw new OAuthException(OAuthError.INVALID_CLIENT,
                    "client_assertion_type must be " + ClientAssertion.TYPE, "client_assertion_type_unsupported");
        }
        ClientAssertion assertion = ClientAssertion.parse(compact);
        String subject = assertion.unverifiedSubject()
                .orElseThrow(() -> ClientAuthenticator.failed("client_assertion_sub_missing"));
        Optional<String> bodyId = form.get("client_id");
        if (bodyId.isPresent() && !bodyId.get().equals(subject)) {
            throw ClientAuthenticator.failed("client_assertion_sub_not_client_id");
        }
        return ClientCredentials.privateKeyJwt(subject, assertion);
    }
}
