package org.jwtbearer.issuer.keys;

import java.util.List;
import java.util.OptionalLong;

/**
 * Where the managed signing keys live, shared by every node. At most one key is current and one is next: the
 * store refuses a second (in the database, a unique key), and every change is conditional on the states it
 * expects, so two nodes acting at once cannot both succeed — the loser re-reads. A change that does not happen
 * either returns false or fails with the store's own exception; callers treat both as "re-read and decide again".
 */
public interface SigningKeyStore {

    List<StoredSigningKey> all();

    /** Adds a current or next key; fails when that state is already taken or the kid exists. */
    void insert(StoredSigningKey key);

    /** Makes the next key {@code kid} current, when there is no current key. */
    boolean promote(String kid, long now);

    /** Retires the current key {@code kid} (erasing its private key) until {@code retireUntil}. */
    boolean retire(String kid, long retireUntil);

    /** Deletes the next key {@code kid}: it never signed, so nothing needs it. */
    boolean deleteNext(String kid);

    /** Deletes the retired key {@code kid} before its time: tokens it signed stop verifying. */
    boolean deleteRetired(String kid);

    /**
     * One rotation, all or nothing: the current key {@code currentKid} retires until {@code retireUntil}, the next
     * key {@code nextKid} becomes current at {@code now}, and {@code newNext} is added as next.
     *
     * @return false, changing nothing, when the keys were no longer in those states (another node rotated)
     */
    boolean rotate(String currentKid, String nextKid, long now, long retireUntil, StoredSigningKey newNext);

    /** Deletes the retired keys whose retire-until time has passed. */
    int purgeRetired(long now);

    /** The longest access-token lifespan of any registered client, in seconds; empty when there are none. */
    OptionalLong longestAccessTokenLifespan();
}
