package org.jwtbearer.issuer.client;

import java.util.Optional;

/**
 * What an update does to a client's secret. Only a hash is stored, so an update that does not mention the
 * secret must be able to say "keep it" — it cannot send the old one back.
 */
public sealed interface SecretUpdate {

    record Keep() implements SecretUpdate {
    }

    /** Sets the secret, or removes it when empty. */
    record Replace(Optional<String> secret) implements SecretUpdate {
    }

    static SecretUpdate keep() {
        return new Keep();
    }

    static SecretUpdate replace(Optional<String> secret) {
        return new Replace(secret);
    }
}
