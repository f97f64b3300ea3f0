package org.jwtbearer.client.cli;

import java.nio.file.Path;
import java.util.Set;

import org.jwtbearer.security.assertion.SigningKey;

/** The options every signing command shares: which keystore, which key, which algorithm. */
final class KeystoreOptions {

    static final Set<String> NAMES = Set.of("keystore", "storepass", "alias", "keypass", "kid", "alg");

    static final String HELP = """
              --keystore FILE     PKCS12 or JKS keystore holding the signing key (required)
              --storepass PW      keystore password (required)
              --alias NAME        the key's alias (default: the keystore's only key)
              --keypass PW        the key's password, when it differs from the keystore's
              --kid ID            key id put in the JWS header (default: the alias)
              --alg ALG           signature algorithm (default: RS256 for RSA, ES256/384/512 for EC keys)
            """;

    private KeystoreOptions() {
    }

    static SigningKey load(Options options) {
        return SigningKey.fromKeystore(Path.of(options.required("keystore")), options.required("storepass").toCharArray(),
                options.get("alias").orElse(null), options.get("keypass").map(String::toCharArray).orElse(null),
                options.get("kid").orElse(null), options.get("alg").orElse(null));
    }
}
