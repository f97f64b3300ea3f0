package org.jwtbearer.security.revocation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A revocation list source the test scripts like the issuer's endpoint: it holds revoked jti hashes and not-before
 * entries, each with the cursor instant it was added at, answers the whole list without {@code since} and the
 * entries added at or after the cursor otherwise; or fails while {@code down}. Every {@code since} asked with is kept.
 */
final class ScriptedRevocations implements RevocationSource {

    private record Added(long at, Object entry) {
    }

    private final List<Added> entries = new CopyOnWriteArrayList<>();
    final List<Optional<String>> asked = new CopyOnWriteArrayList<>();
    volatile boolean down;
    private volatile long now = 1;

    /** Moves the endpoint's own cursor clock on, so later entries are "changed since" earlier cursors. */
    void tick() {
        now++;
    }

    void revoke(String jti, long exp) {
        entries.add(new Added(now, new RevocationUpdate.RevokedJti(RevocationRules.jtiHash(jti), exp)));
    }

    void client(String clientId, long notBefore, long exp) {
        entries.add(new Added(now, new Subject("client", new RevocationUpdate.NotBefore(clientId, notBefore, exp))));
    }

    void user(String sub, long notBefore, long exp) {
        entries.add(new Added(now, new Subject("user", new RevocationUpdate.NotBefore(sub, notBefore, exp))));
    }

    int fetches() {
        return asked.size();
    }

    private record Subject(String kind, RevocationUpdate.NotBefore entry) {
    }

    @Override
    public RevocationUpdate fetch(Optional<String> since) throws IOException {
        asked.add(since);
        if (down) {
            throw new IOException("connection refused");
        }
        long from = since.map(Long::parseLong).orElse(0L);
        List<RevocationUpdate.RevokedJti> tokens = new ArrayList<>();
        List<RevocationUpdate.NotBefore> clients = new ArrayList<>();
        List<RevocationUpdate.NotBefore> users = new ArrayList<>();
        for (Added added : entries) {
            if (added.at() < from) {
                continue;
            }
            if (added.entry() instanceof RevocationUpdate.RevokedJti token) {
                tokens.add(token);
            } else if (added.entry() instanceof Subject subject) {
                (subject.kind().equals("client") ? clients : users).add(subject.entry());
            }
        }
        long cursor = now;
        tick();
        return new RevocationUpdate(String.valueOf(cursor), since.isEmpty(), tokens, clients, users);
    }
}
