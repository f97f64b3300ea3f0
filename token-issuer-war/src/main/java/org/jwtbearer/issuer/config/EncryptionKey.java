package org.jwtbearer.issuer.config;

import org.jwtbearer.issuer.support.SecretBox;

/**
 * The key that seals what the issuer stores encrypted, and where it came from.
 *
 * @param box             seals and opens with the key
 * @param madeAtThisStart whether the key did not exist before this start (no setting, no key file): then nothing
 *                        in the database can have been sealed with it
 * @param source          where it came from, for messages: the setting, or the key file's path (never the key)
 */
public record EncryptionKey(SecretBox box, boolean madeAtThisStart, String source) {
}
