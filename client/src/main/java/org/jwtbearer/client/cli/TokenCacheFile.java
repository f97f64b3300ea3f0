package org.jwtbearer.client.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jose4j.json.JsonUtil;
import org.jwtbearer.client.AccessToken;

/**
 * An access token kept between runs of {@code call}, readable by the owner only. It is used only by the same
 * request settings that fetched it (the file records a hash of them) and only until it is due for renewal;
 * anything else about the file — missing, unreadable, foreign — simply means "fetch a new one".
 */
final class TokenCacheFile {

    private final Path file;
    private final String key;

    TokenCacheFile(Path file, String... settings) {
        this.file = file;
        this.key = hash(String.join("\n", settings));
    }

    Optional<String> authorization(Instant now) {
        try {
            Map<String, Object> cached = JsonUtil.parseJson(Files.readString(file, StandardCharsets.UTF_8));
            if (key.equals(cached.get("key")) && cached.get("renew_at") instanceof Number renewAt
                    && now.getEpochSecond() < renewAt.longValue() && cached.get("authorization") instanceof String authorization) {
                return Optional.of(authorization);
            }
        } catch (Exception missingOrUnreadable) {
            // fetch a new token
        }
        return Optional.empty();
    }

    void store(AccessToken token) {
        Map<String, Object> cached = new LinkedHashMap<>();
        cached.put("key", key);
        cached.put("authorization", token.authorizationHeader());
        cached.put("renew_at", token.renewAt().getEpochSecond());
        Path directory = file.toAbsolutePath().getParent();
        try {
            Path temporary = Files.createTempFile(directory, ".jwtbearer-token", ".tmp");
            try {
                restrictToOwner(temporary);
                Files.writeString(temporary, JsonUtil.toJson(cached), StandardCharsets.UTF_8);
                move(temporary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new CliException(CliException.LOCAL, "cannot write the token cache " + file + ": " + e, e);
        }
    }

    private void move(Path temporary) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the temp file already inherits the user's profile ACLs
        }
    }

    private static String hash(String settings) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(settings.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
