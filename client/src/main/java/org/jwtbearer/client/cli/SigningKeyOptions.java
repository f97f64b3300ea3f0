package org.jwtbearer.client.cli;

import java.nio.file.Path;
import java.util.Set;

import org.jwtbearer.security.assertion.SigningKey;
import org.jwtbearer.security.jose.KeyMaterialException;

/** The options every signing command shares: where the private key is, which {@code kid} and algorithm label it. */
final class SigningKeyOptions {

    static final Set<String> NAMES = Set.of("keystore", "storepass", "alias", "keypass", "key", "kid", "alg");

    static final String HELP = """
            Signing key (a keystore, or a key file):
              --keystore FILE     PKCS12 or JKS keystore holding the private key
              --storepass PW      keystore password (required with --keystore; env:/file: forms read it from elsewhere)
              --alias NAME        the key's alias (default: the keystore's only key)
              --keypass PW        the key's password, when it differs from the keystore's
              --key FILE          instead of a keystore: an unencrypted PEM private key (PKCS#8 or PKCS#1) or a private JWK
              --kid ID            key id put in the JWS header (default: the alias, or the JWK's kid)
              --alg ALG           signature algorithm (default: RS256 for RSA, ES256/384/512 for EC, EdDSA)
            """;

    private SigningKeyOptions() {
    }

    static SigningKey load(Options options) {
        String kid = options.get("kid").orElse(null);
        String alg = options.get("alg").orElse(null);
        try {
            if (options.get("key").isPresent()) {
                if (options.get("keystore").isPresent()) {
                    throw new Options.UsageException("give --keystore or --key, not both");
                }
                String text = HttpCalls.readFile(options.get("key").get());
                return text.stripLeading().startsWith("{") ? SigningKey.fromJwk(text, kid, alg) : SigningKey.fromPem(text, kid, alg);
            }
            if (options.get("keystore").isEmpty()) {
                throw new Options.UsageException("a signing key is required: --keystore FILE --storepass PW, or --key FILE");
            }
            return SigningKey.fromKeystore(Path.of(options.get("keystore").get()), options.secret("storepass")
                            .orElseThrow(() -> new Options.UsageException("--storepass is required with --keystore")).toCharArray(),
                    options.get("alias").orElse(null), options.secret("keypass").map(String::toCharArray).orElse(null), kid, alg);
        } catch (KeyMaterialException e) {
            throw new CliException(CliException.LOCAL, e.getMessage(), e);
        }
    }
}
