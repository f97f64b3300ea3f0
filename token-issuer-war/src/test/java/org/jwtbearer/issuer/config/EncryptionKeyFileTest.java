package org.jwtbearer.issuer.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptionKeyFileTest {

    @TempDir
    Path temp;

    @Test
    void aKeyIsMadeOnceAndReadBackAtTheNextStart() {
        Path dataDir = temp.resolve("data");
        EncryptionKeyFile.Loaded first = EncryptionKeyFile.loadOrCreate(dataDir);
        EncryptionKeyFile.Loaded second = EncryptionKeyFile.loadOrCreate(dataDir);

        assertTrue(first.created());
        assertFalse(second.created());
        assertEquals(dataDir.resolve("encryption.key").toAbsolutePath(), second.file());
        String sealed = first.box().seal("secret".getBytes(StandardCharsets.UTF_8), "client-1");
        assertArrayEquals("secret".getBytes(StandardCharsets.UTF_8), second.box().open(sealed, "client-1"));
    }

    @Test
    void onlyItsOwnerMayReadTheKeyOrEnterTheDirectoryMadeForIt() throws IOException {
        Path dataDir = temp.resolve("made/for/it");
        EncryptionKeyFile.Loaded loaded = EncryptionKeyFile.loadOrCreate(dataDir);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(loaded.file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
        assertFalse(EncryptionKeyFile.readableByOthers(loaded.file()));
        Files.setPosixFilePermissions(loaded.file(), PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(EncryptionKeyFile.readableByOthers(loaded.file()));
    }

    @Test
    void theFileHoldsTheKeyAsTheSettingTakesIt() throws IOException {
        EncryptionKeyFile.Loaded loaded = EncryptionKeyFile.loadOrCreate(temp);
        String content = Files.readString(loaded.file()).trim();
        String sealed = loaded.box().seal(new byte[]{1, 2, 3}, "row");
        assertArrayEquals(new byte[]{1, 2, 3}, org.jwtbearer.issuer.support.SecretBox.fromBase64(content).open(sealed, "row"));
    }

    @Test
    void applicationsStartingAtOnceShareOneKey() throws Exception {
        ExecutorService starts = Executors.newFixedThreadPool(8);
        try {
            List<Callable<EncryptionKeyFile.Loaded>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> EncryptionKeyFile.loadOrCreate(temp.resolve("shared")));
            }
            List<EncryptionKeyFile.Loaded> loaded = new ArrayList<>();
            for (Future<EncryptionKeyFile.Loaded> f : starts.invokeAll(calls)) {
                loaded.add(f.get());
            }
            assertEquals(1, loaded.stream().filter(EncryptionKeyFile.Loaded::created).count());
            String sealed = loaded.get(0).box().seal(new byte[]{9}, "x");
            for (EncryptionKeyFile.Loaded each : loaded) {
                assertArrayEquals(new byte[]{9}, each.box().open(sealed, "x"));
            }
        } finally {
            starts.shutdownNow();
        }
    }

    @Test
    void aDamagedKeyFileStopsTheStartInsteadOfBeingReplaced() throws IOException {
        Files.writeString(temp.resolve("encryption.key"), "not a key");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EncryptionKeyFile.loadOrCreate(temp));
        assertTrue(refused.getMessage().contains("does not hold a key"), refused.getMessage());
        assertEquals("not a key", Files.readString(temp.resolve("encryption.key")));
    }

    @Test
    void aDataDirectoryThatCannotBeMadeSaysWhichSettingToChange() throws IOException {
        Path blocker = Files.writeString(temp.resolve("a-file"), "x");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> EncryptionKeyFile.loadOrCreate(blocker.resolve("data")));
        assertTrue(refused.getMessage().contains("jwtbearer.data-dir"), refused.getMessage());
    }
}
