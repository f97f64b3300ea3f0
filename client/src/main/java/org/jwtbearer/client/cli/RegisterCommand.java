package org.jwtbearer.client.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;
import org.jwtbearer.security.jose.KeyMaterialException;
import org.jwtbearer.security.jose.Pem;
import org.jwtbearer.security.jose.VerifierKey;

/**
 * {@code register}: registers a public key for a client with the issuer's admin API, creating the client
 * when asked. Running it again with the same key changes nothing, so scripts can run it every time.
 */
final class RegisterCommand implements Command {

    private static final Set<String> VALUED = Set.of("issuer-url", "admin-token", "client-id", "kid", "keystore", "storepass",
            "alias", "certificate", "public-key", "client-secret", "user-field", "scope", "alg", "timeout");

    @Override
    public String name() {
        return "register";
    }

    @Override
    public String summary() {
        return "register a public key for a client with the issuer's admin API";
    }

    @Override
    public String help() {
        return """
                Usage: jwtbearer register --issuer-url URL --admin-token TOKEN --client-id ID KEY [options]

                Adds the public key to the client's verifier keys (POST /admin/clients/{id}/keys). A key already
                registered for the client is left as it is (exit status 0), so the command can be rerun.

                  --issuer-url URL    the issuer, e.g. http://localhost:8080 (required)
                  --admin-token T     an access token of a user with the admin role (required; env:/file: forms)
                  --client-id ID      the client (required)
                  --kid ID            the key id to register (default: the keystore alias, or the JWK's kid)
                  --timeout SECONDS   per request (default 10)

                KEY, the public half of the client's signing key, one of:
                  --keystore FILE --storepass PW [--alias NAME]   the key's certificate, as keygen made it
                  --certificate FILE  a PEM certificate
                  --public-key FILE   a PEM public key or a public JWK

                Creating the client when it does not exist:
                  --create            create it (else a missing client is an error)
                  --client-secret S   its secret (default: a public client)
                  --user-field F      how sub names users: user_name, email or sys_id (default: the issuer's)
                  --scope S           a scope it may ask for, repeatable (default: the issuer's)
                  --alg ALG           an algorithm it may sign with, repeatable (default: the issuer's)
                """ + Secrets.HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out) {
        Options options = Options.parse(args, VALUED, Set.of("create"));
        String base = options.required("issuer-url");
        String clientId = options.required("client-id");
        String authorization = "Bearer " + options.secret("admin-token")
                .orElseThrow(() -> new Options.UsageException("--admin-token is required"));
        RegisteredKey key = key(options);
        HttpCalls http = new HttpCalls(Duration.ofSeconds(options.integer("timeout", 10, 1, 300)));
        URI clients = HttpCalls.resolve(base.endsWith("/") ? base : base + "/", "admin/clients/");
        URI client = clients.resolve(URLEncoder.encode(clientId, StandardCharsets.UTF_8).replace("+", "%20"));

        HttpResponse<String> existing = http.send(http.request(client, authorization).GET().build());
        if (existing.statusCode() == 404 && isMissingClient(existing)) {
            if (!options.flag("create")) {
                throw new CliException(CliException.REFUSED, "client '" + clientId + "' does not exist at " + base
                        + "; add --create to create it");
            }
            expect(201, http.send(post(http, clients, authorization, newClient(options, clientId, key))),
                    "creating client '" + clientId + "'");
            out.println("Created client '" + clientId + "' with key '" + key.shownName() + "' (thumbprint " + key.thumbprint() + ").");
            return 0;
        }
        expect(200, existing, "reading client '" + clientId + "'");
        HttpResponse<String> keys = expect(200, http.send(http.request(URI.create(client + "/keys"), authorization).GET().build()),
                "reading the keys of '" + clientId + "'");
        if (registeredThumbprints(keys).contains(key.thumbprint())) {
            out.println("Key '" + key.shownName() + "' (thumbprint " + key.thumbprint() + ") is already registered for client '"
                    + clientId + "'; nothing to do.");
            return 0;
        }
        expect(201, http.send(post(http, URI.create(client + "/keys"), authorization, key.json())),
                "adding key '" + key.shownName() + "' to '" + clientId + "'");
        out.println("Registered key '" + key.shownName() + "' (thumbprint " + key.thumbprint() + ") for client '" + clientId + "'.");
        return 0;
    }

    /** The public key to register, as the admin API takes it, and its RFC 7638 thumbprint to recognise it. */
    private record RegisteredKey(String kid, Map<String, Object> json, String thumbprint) {
        String shownName() {
            return kid != null ? kid : thumbprint;
        }
    }

    private static RegisteredKey key(Options options) {
        int given = (options.get("keystore").isPresent() ? 1 : 0) + (options.get("certificate").isPresent() ? 1 : 0)
                + (options.get("public-key").isPresent() ? 1 : 0);
        if (given != 1) {
            throw new Options.UsageException("give the key to register: one of --keystore, --certificate, --public-key");
        }
        String kid = options.get("kid").orElse(null);
        try {
            if (options.get("keystore").isPresent()) {
                return keystoreKey(options, kid);
            }
            if (options.get("certificate").isPresent()) {
                return certificateKey(kid, Pem.parseCertificate(HttpCalls.readFile(options.get("certificate").get())));
            }
            String text = HttpCalls.readFile(options.get("public-key").get());
            Map<String, Object> json = new LinkedHashMap<>();
            VerifierKey key;
            if (text.stripLeading().startsWith("{")) {
                Map<String, Object> jwk = parseJson(text);
                String jwkKid = kid != null ? kid : (String) jwk.get("kid");
                key = VerifierKey.fromJwk(jwkKid, jwk);
                putKid(json, jwkKid);
                json.put("jwk", jwk);
            } else {
                key = VerifierKey.fromPublicKeyPem(kid, text);
                putKid(json, kid);
                json.put("public_key", text);
            }
            return new RegisteredKey(key.kid(), json, key.jwkThumbprint());
        } catch (KeyMaterialException e) {
            throw new CliException(CliException.LOCAL, e.getMessage(), e);
        }
    }

    private static RegisteredKey certificateKey(String kid, X509Certificate certificate) {
        VerifierKey key = new VerifierKey(kid, certificate.getPublicKey(), certificate);
        Map<String, Object> json = new LinkedHashMap<>();
        putKid(json, kid);
        try {
            json.put("certificate", Pem.encode("CERTIFICATE", certificate.getEncoded()));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new CliException(CliException.LOCAL, "cannot encode the certificate: " + e.getMessage(), e);
        }
        return new RegisteredKey(kid, json, key.jwkThumbprint());
    }

    private static void putKid(Map<String, Object> json, String kid) {
        if (kid != null) {
            json.put("kid", kid);
        }
    }

    /** The certificate of the keystore's key, with the kid to register it under (default: its alias). */
    private static RegisteredKey keystoreKey(Options options, String kid) {
        KeyStore store = loadKeystore(options);
        String alias = options.get("alias").orElseGet(() -> onlyAlias(store));
        try {
            if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                return certificateKey(kid != null ? kid : alias, certificate);
            }
        } catch (java.security.KeyStoreException e) {
            throw new CliException(CliException.LOCAL, e.getMessage(), e);
        }
        throw new CliException(CliException.LOCAL, "the keystore has no certificate under alias '" + alias + "'");
    }

    private static KeyStore loadKeystore(Options options) {
        Path file = Path.of(options.get("keystore").get());
        char[] password = options.secret("storepass").orElseThrow(() -> new Options.UsageException("--storepass is required with --keystore"))
                .toCharArray();
        try {
            return KeyStore.getInstance(file.toFile(), password);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new CliException(CliException.LOCAL, "cannot read keystore " + file + ": " + e.getMessage(), e);
        }
    }

    private static String onlyAlias(KeyStore store) {
        try {
            List<String> aliases = java.util.Collections.list(store.aliases());
            if (aliases.size() != 1) {
                throw new Options.UsageException("the keystore holds " + aliases.size() + " entries; name one with --alias");
            }
            return aliases.get(0);
        } catch (java.security.KeyStoreException e) {
            throw new CliException(CliException.LOCAL, e.getMessage(), e);
        }
    }

    private static Map<String, Object> newClient(Options options, String clientId, RegisteredKey key) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("client_id", clientId);
        options.secret("client-secret").ifPresentOrElse(s -> client.put("client_secret", s), () -> client.put("public", true));
        options.get("user-field").ifPresent(f -> client.put("user_field", f));
        if (!options.all("scope").isEmpty()) {
            client.put("scopes", options.all("scope"));
        }
        if (!options.all("alg").isEmpty()) {
            client.put("algorithms", options.all("alg"));
        }
        client.put("verifier_keys", List.of(key.json()));
        return client;
    }

    /** A 404 of the admin API for a missing client, not a wrong --issuer-url that happens to answer 404 too. */
    private static boolean isMissingClient(HttpResponse<String> response) {
        return response.body().contains("\"status\":\"failure\"");
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response, String doing) {
        if (response.statusCode() != status) {
            throw new CliException(CliException.REFUSED, doing + " failed: " + HttpCalls.reason(response));
        }
        return response;
    }

    private static HttpRequest post(HttpCalls http, URI uri, String authorization, Map<String, Object> body) {
        return http.request(uri, authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonUtil.toJson(body), StandardCharsets.UTF_8)).build();
    }

    /** The {@code thumbprint} of every key in the admin API's {@code {"result":[…]}} listing. */
    private static Set<String> registeredThumbprints(HttpResponse<String> keys) {
        Set<String> thumbprints = new java.util.HashSet<>();
        if (parseJson(keys.body()).get("result") instanceof List<?> listed) {
            for (Object entry : listed) {
                if (entry instanceof Map<?, ?> key && key.get("thumbprint") instanceof String thumbprint) {
                    thumbprints.add(thumbprint);
                }
            }
        }
        return thumbprints;
    }

    private static Map<String, Object> parseJson(String text) {
        try {
            return JsonUtil.parseJson(text);
        } catch (JoseException e) {
            throw new CliException(CliException.LOCAL, "not a JSON object: " + e.getMessage(), e);
        }
    }
}
