package org.jwtbearer.issuer.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.jwtbearer.security.jose.KeyMaterialException;
import org.jwtbearer.security.jose.VerifierKey;

/**
 * A stored client in the registry file's JSON shape (SPEC §5), so what the admin API returns can be edited
 * and sent back. The secret is never part of it — only whether there is one.
 */
public final class ClientRepresentation {

    /** Read-only members: shown by the admin API, never accepted as input. */
    public static final String HAS_SECRET = "has_client_secret";
    public static final String VERSION = "version";

    private ClientRepresentation() {
    }

    /**
     * @param withReadOnly whether to add the read-only members ({@link #HAS_SECRET}, {@link #VERSION}, and per
     *                     key its thumbprint and certificate dates); without them the result parses as input
     */
    static JsonObject of(ClientEntity c, boolean withReadOnly) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("client_id", c.clientId);
        if (c.name != null) {
            json.add("name", c.name);
        }
        json.add("public", c.publicClient)
                .add("user_field", c.userField)
                .add("accepted_issuers", strings(c.acceptedIssuers))
                .add("accepted_audiences", strings(c.acceptedAudiences))
                .add("max_assertion_lifetime", c.maxAssertionLifetime)
                .add("clock_skew", c.clockSkew)
                .add("require_jti", c.requireJti)
                .add("access_token_lifespan", c.accessTokenLifespan)
                .add("scopes", strings(c.scopes))
                .add("algorithms", strings(c.algorithms));
        JsonArrayBuilder keys = Json.createArrayBuilder();
        c.verifierKeys.stream().sorted(Comparator.comparing(k -> k.id == null ? Long.MAX_VALUE : k.id))
                .forEach(k -> keys.add(key(k, withReadOnly)));
        json.add("verifier_keys", keys);
        if (c.jwksUri != null) {
            json.add("jwks_uri", c.jwksUri);
        }
        JsonArrayBuilder validations = Json.createArrayBuilder();
        Map<String, List<String>> byClaim = new TreeMap<>();
        c.claimValidations.forEach(v -> byClaim.computeIfAbsent(v.claim(), claim -> new ArrayList<>()).add(v.value()));
        byClaim.forEach((claim, values) -> {
            JsonObjectBuilder validation = Json.createObjectBuilder().add("claim", claim);
            if (values.size() == 1) {
                validation.add("value", values.get(0));
            } else {
                validation.add("values", strings(values));
            }
            validations.add(validation);
        });
        json.add("claim_validations", validations)
                .add("active", c.active);
        if (withReadOnly) {
            json.add(HAS_SECRET, c.secretHash != null).add(VERSION, c.version);
        }
        return json.build();
    }

    static JsonObject key(VerifierKeyEntity k, boolean withReadOnly) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (k.kid != null) {
            json.add("kid", k.kid);
        }
        VerifierKeyEntity.Format format = VerifierKeyEntity.Format.valueOf(k.format);
        switch (format) {
            case CERTIFICATE -> json.add("certificate", k.material);
            case PUBLIC_KEY -> json.add("public_key", k.material);
            case JWK -> json.add("jwk", Json.createReader(new java.io.StringReader(k.material)).readObject());
        }
        if (withReadOnly) {
            try {
                VerifierKey key = k.toVerifierKey();
                json.add("thumbprint", key.jwkThumbprint());
                if (key.certificate() != null) {
                    json.add("x5t#S256", key.x5tS256())
                            .add("not_before", Instant.ofEpochMilli(key.certificate().getNotBefore().getTime()).toString())
                            .add("not_after", Instant.ofEpochMilli(key.certificate().getNotAfter().getTime()).toString());
                }
            } catch (KeyMaterialException e) {
                json.add("unusable", e.getMessage());
            }
        }
        return json.build();
    }

    private static JsonArrayBuilder strings(Collection<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.stream().sorted().forEach(array::add);
        return array;
    }
}
