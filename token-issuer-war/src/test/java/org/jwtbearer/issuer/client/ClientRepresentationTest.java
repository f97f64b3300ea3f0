package org.jwtbearer.issuer.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.jwtbearer.issuer.bootstrap.BootstrapDocument;
import org.jwtbearer.security.jose.Pem;

/**
 * What the admin API shows must parse back into the same client: its PATCH applies a merge patch to this
 * representation, so a member left out here would be silently dropped from the client on every update.
 */
class ClientRepresentationTest {

    private static ClientEntity stored() throws Exception {
        ClientEntity c = new ClientEntity("c1");
        c.name = "Reporting";
        c.secretHash = SecretHash.hash("s3cret");
        c.userField = "email";
        c.maxAssertionLifetime = 120;
        c.clockSkew = 30;
        c.requireJti = false;
        c.accessTokenLifespan = 900;
        c.active = true;
        c.acceptedIssuers.add("issuer-a");
        c.acceptedAudiences.add("https://aud.example");
        c.scopes.add("useraccount");
        c.algorithms.add("RS256");
        c.claimValidations.add(new ClaimValidation("tenant", "acme"));
        c.claimValidations.add(new ClaimValidation("region", "eu"));
        c.claimValidations.add(new ClaimValidation("region", "us"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        c.verifierKeys.add(new VerifierKeyEntity(c, "k1", VerifierKeyEntity.Format.PUBLIC_KEY,
                Pem.encode("PUBLIC KEY", generator.generateKeyPair().getPublic().getEncoded())));
        return c;
    }

    @Test
    void ofWhenParsedBackThenTheSameClient() throws Exception {
        ClientEntity c = stored();

        ClientDefinition parsed = BootstrapDocument.parseClient(ClientRepresentation.of(c, false), "client");

        assertEquals("c1", parsed.clientId());
        assertEquals("Reporting", parsed.name());
        assertEquals(UserField.EMAIL, parsed.userField());
        assertEquals(List.of("issuer-a"), parsed.acceptedIssuers());
        assertEquals(List.of("https://aud.example"), parsed.acceptedAudiences());
        assertEquals(120, parsed.maxAssertionLifetime());
        assertEquals(30, parsed.clockSkew());
        assertFalse(parsed.requireJti());
        assertEquals(900, parsed.accessTokenLifespan());
        assertEquals(List.of("RS256"), parsed.algorithms());
        assertEquals(3, parsed.claimValidations().size());
        assertEquals("k1", parsed.verifierKeys().get(0).kid());
        assertEquals(Optional.empty(), parsed.secret(), "the secret is never part of the representation");
    }

    @Test
    void ofWhenJwksUriClientThenTheUriIsKept() {
        ClientEntity c = new ClientEntity("remote");
        c.userField = "user_name";
        c.maxAssertionLifetime = 300;
        c.accessTokenLifespan = 1800;
        c.active = true;
        c.algorithms.add("ES256");
        c.jwksUri = "https://keys.example.com/jwks";

        ClientDefinition parsed = BootstrapDocument.parseClient(ClientRepresentation.of(c, false), "client");

        assertEquals(Optional.of("https://keys.example.com/jwks"), parsed.jwksUri());
    }

    @Test
    void ofWithReadOnlyThenSecretPresenceButNeverTheSecret() throws Exception {
        JsonObject shown = ClientRepresentation.of(stored(), true);

        assertTrue(shown.getBoolean(ClientRepresentation.HAS_SECRET));
        assertFalse(shown.toString().contains("s3cret"));
        assertFalse(shown.containsKey("client_secret"));
    }
}
