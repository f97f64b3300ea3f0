package org.jwtbearer.client.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.json.JsonUtil;
import org.jwtbearer.security.jose.Pem;
import org.jwtbearer.security.jose.VerifierKey;

/**
 * {@code keygen}: a new key pair with a self-signed certificate in a PKCS12 keystore — the JDK's own
 * {@code keytool -genkeypair} does the generation — then what to register: the certificate PEM, the public
 * JWK with {@code kid} and {@code x5t#S256}, and optionally a ready bootstrap file.
 */
final class KeygenCommand implements Command {

    private static final String STOREPASS_VARIABLE = "JWTBEARER_KEYTOOL_STOREPASS";

    private static final Set<String> VALUED = Set.of("keystore", "storepass", "alias", "kid", "alg", "dname", "validity",
            "client-id", "client-secret", "bootstrap", "user", "email", "roles", "user-field");

    @Override
    public String name() {
        return "keygen";
    }

    @Override
    public String summary() {
        return "create a key pair and certificate, and print what to register";
    }

    @Override
    public String help() {
        return """
                Usage: jwtbearer keygen --keystore FILE --storepass PW [options]

                Creates a key pair with a self-signed certificate in a new PKCS12 keystore and prints the
                certificate (PEM) and public JWK to register with the token endpoint.

                  --keystore FILE     keystore to create (required; must not exist)
                  --storepass PW      its password, at least 6 characters (required; env:NAME, file:PATH read it from elsewhere)
                  --alias NAME        alias of the key (default jwtbearer)
                  --kid ID            key id to register (default: the alias)
                  --alg ALG           RS256 (RSA 2048, default), ES256, ES384 or ES512
                  --dname DN          certificate subject (default CN=<alias>)
                  --validity DAYS     certificate validity (default 365)

                Writing a registry file for the issuer (jwtbearer.bootstrap / JWTBEARER_BOOTSTRAP):
                  --bootstrap FILE    write a bootstrap file registering this key for --client-id
                  --client-id ID      the client to register (required with --bootstrap)
                  --client-secret S   a secret for the client (default: a public client)
                  --user NAME         also register a user with this user_name
                  --email EMAIL       the user's email
                  --roles R1,R2       the user's roles (for example itil)
                  --user-field F      how the assertion's sub names users: user_name (default), email, sys_id
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Options options = Options.parse(args, VALUED, Set.of());
        Path keystore = Path.of(options.required("keystore"));
        String storepass = options.secret("storepass").orElseThrow(() -> new Options.UsageException("--storepass is required"));
        if (storepass.length() < 6) {
            throw new Options.UsageException("--storepass must be at least 6 characters (PKCS12 keystores need that)");
        }
        String alias = options.get("alias").orElse("jwtbearer");
        String kid = options.get("kid").orElse(alias);
        String alg = options.get("alg").orElse("RS256");
        if (Files.exists(keystore)) {
            throw new CliException(CliException.LOCAL, keystore + " already exists; choose another --keystore");
        }
        if (options.get("bootstrap").isPresent() && options.get("client-id").isEmpty()) {
            throw new Options.UsageException("--client-id is required with --bootstrap");
        }
        runKeytool(keystore, storepass, alias, alg, options.get("dname").orElse("CN=" + alias),
                options.get("validity").orElse("365"));

        KeyStore store = KeyStore.getInstance(keystore.toFile(), storepass.toCharArray());
        X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
        String pem = Pem.encode("CERTIFICATE", certificate.getEncoded());
        VerifierKey key = new VerifierKey(kid, certificate.getPublicKey(), certificate);
        Map<String, Object> jwk = new LinkedHashMap<>(key.toPublicJwk());
        jwk.put("alg", alg);
        jwk.put("use", "sig");

        out.println("Created " + keystore + " with key '" + alias + "' (" + alg + ").");
        out.println();
        out.println("kid:      " + kid);
        out.println("x5t#S256: " + key.x5tS256());
        out.println();
        out.print(pem);
        out.println();
        out.println("JWK: " + JsonUtil.toJson(jwk));
        if (options.get("bootstrap").isPresent()) {
            Path bootstrap = Path.of(options.get("bootstrap").get());
            Files.writeString(bootstrap, bootstrapJson(options, kid, alg, pem) + "\n", StandardCharsets.UTF_8);
            out.println();
            out.println("Wrote " + bootstrap + ": start the issuer with JWTBEARER_BOOTSTRAP=" + bootstrap.toAbsolutePath());
        }
        return 0;
    }

    private static void runKeytool(Path keystore, String storepass, String alias, String alg, String dname, String validity)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-noprompt", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass:env", STOREPASS_VARIABLE,
                "-alias", alias, "-dname", dname, "-validity", validity));
        switch (alg) {
            case "RS256" -> command.addAll(List.of("-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA"));
            case "ES256" -> command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA"));
            case "ES384" -> command.addAll(List.of("-keyalg", "EC", "-groupname", "secp384r1", "-sigalg", "SHA384withECDSA"));
            case "ES512" -> command.addAll(List.of("-keyalg", "EC", "-groupname", "secp521r1", "-sigalg", "SHA512withECDSA"));
            default -> throw new Options.UsageException("--alg must be RS256, ES256, ES384 or ES512");
        }
        // The password reaches keytool through its environment, never its command line (which ps shows).
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(STOREPASS_VARIABLE, storepass);
        Process keytool = builder.start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new CliException(CliException.LOCAL, "keytool failed: " + output.strip());
        }
    }

    private static String bootstrapJson(Options options, String kid, String alg, String pem) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("client_id", options.required("client-id"));
        options.secret("client-secret").ifPresentOrElse(s -> client.put("client_secret", s), () -> client.put("public", true));
        client.put("user_field", options.get("user-field").orElse("user_name"));
        client.put("scopes", List.of("useraccount"));
        client.put("algorithms", List.of(alg));
        client.put("verifier_keys", List.of(Map.of("kid", kid, "certificate", pem)));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("clients", List.of(client));
        if (options.get("user").isPresent()) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("user_name", options.get("user").get());
            options.get("email").ifPresent(e -> user.put("email", e));
            user.put("roles", options.get("roles").map(r -> List.of(r.split(","))).orElse(List.of()));
            document.put("users", List.of(user));
        }
        return JsonUtil.toJson(document);
    }
}
