package org.jwtbearer.issuer.keys;

/**
 * A managed signing key as the database holds it.
 *
 * @param kid              the RFC 7638 thumbprint of the public key
 * @param publicKey        base64 of the X.509 SubjectPublicKeyInfo: readable without the encryption key, so a key
 *                         stays publishable even when its private part cannot be opened
 * @param sealedPrivateKey the PKCS#8 private key sealed by {@link org.jwtbearer.issuer.support.SecretBox} with the kid
 *                         as associated data; null once retired
 * @param createdAt        epoch second it was created, and so first published
 * @param activatedAt      epoch second it became current; null while next
 * @param retireUntil      epoch second after which a retired key is deleted; null unless retired
 */
public record StoredSigningKey(String kid, KeyState state, String algorithm, String publicKey, String sealedPrivateKey,
                               long createdAt, Long activatedAt, Long retireUntil) {
}
