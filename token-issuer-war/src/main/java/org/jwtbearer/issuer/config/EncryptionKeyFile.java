package org.jwtbearer.issuer.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.jwtbearer.issuer.support.SecretBox;

/**
 * The encryption key of an installation that sets no {@code jwtbearer.encryption-key}: made once, kept in the data
 * directory readable by its owner only, and read back at every later start, so what was sealed (managed signing
 * keys, HMAC client secrets) still opens after a restart. The file holds the key as the setting would (base64),
 * so an operator can move it into the setting.
 */
final class EncryptionKeyFile {

    static final String FILE_NAME = "encryption.key";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    /** How long to wait for a key another process is writing at this moment (two applications started at once). */
    private static final int READ_ATTEMPTS = 20;

    /** @param created whether the key was made now rather than read from an earlier run */
    record Loaded(SecretBox box, Path file, boolean created) {
    }

    private EncryptionKeyFile() {
    }

    /** @throws IllegalStateException when the directory or the file cannot be made or read: nothing sealed could be kept */
    static Loaded loadOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME).toAbsolutePath();
        try {
            Files.createDirectories(dataDirectory, posix() ? new FileAttribute<?>[]{
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY)} : new FileAttribute<?>[0]);
            if (Files.notExists(file) && create(file)) {
                return new Loaded(read(file), file, true);
            }
            return new Loaded(read(file), file, false);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot keep the encryption key in " + file + " (" + e
                    + "): make jwtbearer.data-dir writable, or set jwtbearer.encryption-key", e);
        }
    }

    /**
     * Writes the key to a file of its own, forces it to disk, then links it into place: the key file appears whole
     * or not at all (a crash while writing leaves only a temporary file), and a link never replaces a file another
     * process put there first.
     *
     * @return false when another process created the file first
     */
    private static boolean create(Path file) throws IOException {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        byte[] content = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        Path written = posix()
                ? Files.createTempFile(file.getParent(), FILE_NAME, ".new", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(file.getParent(), FILE_NAME, ".new");
        try {
            try (FileChannel channel = FileChannel.open(written, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content));
                channel.force(true);
            }
            try {
                Files.createLink(file, written);
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(written, file); // refuses an existing target too, though not atomically
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(written);
        }
    }

    private static SecretBox read(Path file) throws IOException {
        IllegalArgumentException unreadable = null;
        for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
            try {
                return SecretBox.fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                unreadable = e; // still being written by another process, or damaged
                pause();
            }
        }
        throw new IllegalStateException("The encryption key file " + file + " does not hold a key (" + unreadable.getMessage()
                + "); restore it from a backup, or set jwtbearer.encryption-key", unreadable);
    }

    /** Whether group or others may read the file: the key is worth as much as everything it seals. */
    static boolean readableByOthers(Path file) {
        if (!posix()) {
            return false;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
