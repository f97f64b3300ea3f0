package org.jwtbearer.security.revocation;

import java.io.IOException;
import java.util.Optional;

/** Where revocation lists come from: the issuer over HTTP ({@link RevocationListClient}), or a test's script. */
@FunctionalInterface
public interface RevocationSource {

    /**
     * @param since the cursor of the last answer taken; empty for the whole list
     * @throws IOException when no usable answer came (unreachable, slow, refused, malformed)
     */
    RevocationUpdate fetch(Optional<String> since) throws IOException, InterruptedException;
}
