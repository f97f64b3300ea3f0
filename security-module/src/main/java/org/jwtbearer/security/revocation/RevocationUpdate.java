package org.jwtbearer.security.revocation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * One answer of the issuer's revocation list, read strictly: anything that is not exactly the documented shape is
 * refused as a whole ({@link IOException}), never taken in part — a list silently missing entries would let revoked
 * tokens through.
 *
 * @param cursor   what to send as {@code since} next time
 * @param complete whether this is the whole list (replacing what is held) rather than the changes since a cursor
 */
public record RevocationUpdate(String cursor, boolean complete, List<RevokedJti> tokens, List<NotBefore> clients,
                               List<NotBefore> users) {

    /** A revoked token: the SHA-256 of its jti (lowercase hex) and its exp, epoch seconds. */
    public record RevokedJti(String jtiHash, long exp) {
    }

    /** Tokens of this client or user issued before {@code notBefore} are refused; the entry matters until {@code exp}. */
    public record NotBefore(String subject, long notBefore, long exp) {
    }

    private static final Pattern JTI_HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CURSOR = Pattern.compile("[0-9]{1,18}");
    private static final int MAX_SUBJECT_LENGTH = 1024;

    public int size() {
        return tokens.size() + clients.size() + users.size();
    }

    static RevocationUpdate parse(String body) throws IOException {
        Map<String, Object> answer;
        try {
            answer = JsonUtil.parseJson(body);
        } catch (JoseException | RuntimeException e) {
            throw malformed("not a JSON object");
        }
        if (answer == null || !(answer.get("cursor") instanceof String cursor) || !CURSOR.matcher(cursor).matches()) {
            throw malformed("no cursor");
        }
        if (!(answer.get("complete") instanceof Boolean complete)) {
            throw malformed("no boolean complete");
        }
        List<RevokedJti> tokens = new ArrayList<>();
        for (Map<String, Object> entry : objects(answer, "tokens")) {
            if (!(entry.get("jti_sha256") instanceof String hash) || !JTI_HASH.matcher(hash).matches()) {
                throw malformed("a token without a jti_sha256 of 64 hex digits");
            }
            tokens.add(new RevokedJti(hash, seconds(entry, "exp")));
        }
        return new RevocationUpdate(cursor, complete, List.copyOf(tokens), notBefores(answer, "clients", "client_id"),
                notBefores(answer, "users", "sub"));
    }

    private static List<NotBefore> notBefores(Map<String, Object> answer, String member, String subjectName) throws IOException {
        List<NotBefore> entries = new ArrayList<>();
        for (Map<String, Object> entry : objects(answer, member)) {
            if (!(entry.get(subjectName) instanceof String subject) || subject.isEmpty() || subject.length() > MAX_SUBJECT_LENGTH) {
                throw malformed(member + ": an entry without its " + subjectName);
            }
            entries.add(new NotBefore(subject, seconds(entry, "not_before"), seconds(entry, "exp")));
        }
        return List.copyOf(entries);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Map<String, Object> answer, String member) throws IOException {
        if (!(answer.get(member) instanceof List<?> list)) {
            throw malformed("no array " + member);
        }
        for (Object item : list) {
            if (!(item instanceof Map)) {
                throw malformed(member + ": an entry that is not an object");
            }
        }
        return (List<Map<String, Object>>) list;
    }

    private static long seconds(Map<String, Object> entry, String name) throws IOException {
        if (!(entry.get(name) instanceof Long value) || value < 0) {
            throw malformed("an entry without a whole, non-negative " + name);
        }
        return value;
    }

    private static IOException malformed(String why) {
        return new IOException("malformed revocation list: " + why);
    }
}
