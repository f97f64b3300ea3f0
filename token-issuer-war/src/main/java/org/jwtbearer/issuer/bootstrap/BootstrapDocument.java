package org.jwtbearer.issuer.bootstrap;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.jwtbearer.issuer.client.ClaimValidation;
import org.jwtbearer.issuer.client.ClientDefinition;
import org.jwtbearer.issuer.client.UserField;
import org.jwtbearer.issuer.client.VerifierKeyEntity;
import org.jwtbearer.issuer.user.UserDefinition;
import org.jwtbearer.security.jose.SignatureAlgorithms;
import org.jwtbearer.security.json.JsonTextShape;

/**
 * A registry file (SPEC §5): clients with their keys and claim validations, and users. Parsing validates
 * everything, so a file either imports whole or fails with a message naming the field.
 */
public record BootstrapDocument(List<ClientDefinition> clients, List<UserDefinition> users) {

    private static final Set<String> DOCUMENT_FIELDS = Set.of("clients", "users");
    private static final Set<String> CLIENT_FIELDS = Set.of("client_id", "name", "client_secret", "public", "user_field",
            "accepted_issuers", "accepted_audiences", "max_assertion_lifetime", "clock_skew", "require_jti",
            "access_token_lifespan", "scopes", "algorithms", "verifier_keys", "jwks_uri", "claim_validations", "active");
    private static final Set<String> KEY_FIELDS = Set.of("kid", "certificate", "jwk", "public_key");
    private static final Set<String> VALIDATION_FIELDS = Set.of("claim", "value", "values");
    /** The file's own shape is four levels deep; the admin API allows its bodies no more than this either. */
    private static final int MAX_DEPTH = 32;
    private static final Set<String> USER_FIELDS = Set.of("sys_id", "user_name", "name", "email", "roles", "active", "locked_out");

    public static BootstrapDocument parse(String json) {
        JsonTextShape.problem(json, MAX_DEPTH).ifPresent(problem -> {
            throw new IllegalArgumentException("the file " + problem);
        });
        JsonObject root;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
        JsonFields document = new JsonFields(root, "$", DOCUMENT_FIELDS);
        List<ClientDefinition> clients = new ArrayList<>();
        List<JsonObject> clientObjects = document.objects("clients");
        for (int i = 0; i < clientObjects.size(); i++) {
            clients.add(client(new JsonFields(clientObjects.get(i), "clients[" + i + "]", CLIENT_FIELDS)));
        }
        List<UserDefinition> users = new ArrayList<>();
        List<JsonObject> userObjects = document.objects("users");
        for (int i = 0; i < userObjects.size(); i++) {
            users.add(user(new JsonFields(userObjects.get(i), "users[" + i + "]", USER_FIELDS)));
        }
        return new BootstrapDocument(List.copyOf(clients), List.copyOf(users));
    }

    /** One client in the file's shape, validated; messages start with {@code path}. */
    public static ClientDefinition parseClient(JsonObject object, String path) {
        return client(new JsonFields(object, path, CLIENT_FIELDS));
    }

    /** One user in the file's shape, validated; messages start with {@code path}. */
    public static UserDefinition parseUser(JsonObject object, String path) {
        return user(new JsonFields(object, path, USER_FIELDS));
    }

    private static ClientDefinition client(JsonFields f) {
        try {
            return new ClientDefinition(
                    f.requiredString("client_id"),
                    f.string("name").orElse(null),
                    f.string("client_secret"),
                    f.bool("public", false),
                    UserField.of(f.string("user_field").orElse("user_name")),
                    f.strings("accepted_issuers", List.of()),
                    f.strings("accepted_audiences", List.of()),
                    f.seconds("max_assertion_lifetime", ClientDefinition.DEFAULT_MAX_ASSERTION_LIFETIME),
                    f.seconds("clock_skew", ClientDefinition.DEFAULT_CLOCK_SKEW),
                    f.bool("require_jti", true),
                    f.seconds("access_token_lifespan", ClientDefinition.DEFAULT_ACCESS_TOKEN_LIFESPAN),
                    f.strings("scopes", ClientDefinition.DEFAULT_SCOPES),
                    f.strings("algorithms", SignatureAlgorithms.ASYMMETRIC),
                    keys(f),
                    validations(f),
                    f.bool("active", true),
                    f.string("jwks_uri"));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(f.path()) ? e : new IllegalArgumentException(f.path() + ": " + e.getMessage(), e);
        }
    }

    private static List<ClientDefinition.KeyDefinition> keys(JsonFields client) {
        List<ClientDefinition.KeyDefinition> keys = new ArrayList<>();
        List<JsonObject> objects = client.objects("verifier_keys");
        for (int i = 0; i < objects.size(); i++) {
            keys.add(parseKey(objects.get(i), client.path() + ".verifier_keys[" + i + "]"));
        }
        return keys;
    }

    /** One verifier key in the file's shape: a {@code kid} and exactly one of certificate, jwk, public_key. */
    public static ClientDefinition.KeyDefinition parseKey(JsonObject object, String path) {
        JsonFields key = new JsonFields(object, path, KEY_FIELDS);
        Optional<String> kid = key.string("kid");
        Optional<String> certificate = key.string("certificate");
        Optional<JsonObject> jwk = key.object("jwk");
        Optional<String> publicKey = key.string("public_key");
        int given = (certificate.isPresent() ? 1 : 0) + (jwk.isPresent() ? 1 : 0) + (publicKey.isPresent() ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException(key.path() + ": give exactly one of certificate, jwk, public_key");
        }
        try {
            if (certificate.isPresent()) {
                return new ClientDefinition.KeyDefinition(kid.orElse(null), VerifierKeyEntity.Format.CERTIFICATE, certificate.get());
            }
            if (jwk.isPresent()) {
                String jwkKid = kid.orElseGet(() -> jwk.get().containsKey("kid") ? jwk.get().getString("kid", null) : null);
                return new ClientDefinition.KeyDefinition(jwkKid, VerifierKeyEntity.Format.JWK, jwk.get().toString());
            }
            return new ClientDefinition.KeyDefinition(kid.orElse(null), VerifierKeyEntity.Format.PUBLIC_KEY, publicKey.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key.path() + ": " + e.getMessage(), e);
        }
    }

    private static List<ClaimValidation> validations(JsonFields client) {
        List<ClaimValidation> validations = new ArrayList<>();
        List<JsonObject> objects = client.objects("claim_validations");
        for (int i = 0; i < objects.size(); i++) {
            JsonFields v = new JsonFields(objects.get(i), client.path() + ".claim_validations[" + i + "]", VALIDATION_FIELDS);
            String claim = v.requiredString("claim");
            Optional<String> value = v.string("value");
            List<String> values = v.strings("values", List.of());
            if (value.isPresent() == !values.isEmpty()) {
                throw new IllegalArgumentException(v.path() + ": give either value or a non-empty values array");
            }
            for (String accepted : value.map(List::of).orElse(values)) {
                validations.add(new ClaimValidation(claim, accepted));
            }
        }
        return validations;
    }

    private static UserDefinition user(JsonFields f) {
        try {
            return new UserDefinition(f.string("sys_id"), f.requiredString("user_name"), f.string("name").orElse(null),
                    f.string("email").orElse(null),
                    f.strings("roles", List.of()), f.bool("active", true), f.bool("locked_out", false));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(f.path()) ? e : new IllegalArgumentException(f.path() + ": " + e.getMessage(), e);
        }
    }
}
