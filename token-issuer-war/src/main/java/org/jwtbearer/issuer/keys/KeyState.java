package org.jwtbearer.issuer.keys;

/**
 * Where a signing key is in its life. Each is published in the JWKS: a next key before it signs, so every
 * resource server already holds it when the first token signed with it arrives; a retired key after it
 * stopped signing, until every token it signed has expired.
 */
public enum KeyState {
    /** Published, not signing yet: becomes current at the next rotation. */
    NEXT,
    /** Signs every new access token; exactly one. */
    CURRENT,
    /** No longer signs; published until its retire-until time, then deleted. Its private key is erased. */
    RETIRED
}
