package org.jwtbearer.security.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where MP-JWT says a key location may point, and how each is read. */
class KeyLocationTest {

    @TempDir
    Path dir;

    /** The application's class loader: a resource of it, and of nothing this module's own loader sees. */
    private URLClassLoader application(Path root) throws IOException {
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }

    @ParameterizedTest
    @CsvSource({
        "/publicKey.pem, PATH, /publicKey.pem",
        "publicKey4k.pem, PATH, publicKey4k.pem",
        "C:\\keys\\k.pem, PATH, C:\\keys\\k.pem",
        "classpath:/keys/k.pem, CLASS_PATH, /keys/k.pem",
        "CLASSPATH:k.pem, CLASS_PATH, k.pem",
        "file:///opt/keys/orange.pem, FILE_URL, file:///opt/keys/orange.pem",
        "https://issuer.example.com/jwks, HTTP, https://issuer.example.com/jwks",
        "http://localhost:8080/pem/endp/publicKey4k, HTTP, http://localhost:8080/pem/endp/publicKey4k",
        "jar:file:/opt/keys/k.jar!/k.pem, OTHER_URL, jar:file:/opt/keys/k.jar!/k.pem"})
    void parseWhenConfiguredThenKindAndValue(String configured, KeyLocation.Kind kind, String value) {
        KeyLocation location = KeyLocation.parse(" " + configured + " ");

        assertEquals(kind, location.kind());
        assertEquals(value, location.value());
        assertEquals(kind == KeyLocation.Kind.HTTP, location.isRemote());
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "classpath:", "file:relative.pem", "http:///no-host", "nosuchscheme://x/k.pem"})
    void parseWhenUnusableThenRefused(String configured) {
        assertThrows(IllegalArgumentException.class, () -> KeyLocation.parse(configured));
    }

    @Test
    void readWhenPathWithLeadingSlashThenResourceOfTheApplicationClassLoader() throws IOException {
        Files.writeString(dir.resolve("publicKey.pem"), "from the class path");

        try (URLClassLoader loader = application(dir)) {
            assertEquals("from the class path", KeyLocation.parse("/publicKey.pem").read(loader));
            assertEquals("from the class path", KeyLocation.parse("publicKey.pem").read(loader));
        }
    }

    @Test
    void readWhenPathIsAFileThenTheFileBeforeTheClassPath() throws IOException {
        Path classes = Files.createDirectory(dir.resolve("classes"));
        Path file = dir.resolve("key.pem");
        Files.writeString(file, "from the file");
        Files.writeString(classes.resolve("key.pem"), "from the class path");

        try (URLClassLoader loader = application(classes)) {
            assertEquals("from the file", KeyLocation.parse(file.toString()).read(loader));
            assertEquals("from the file", KeyLocation.parse(file.toUri().toString()).read(loader));
            assertEquals("from the class path", KeyLocation.parse("classpath:key.pem").read(loader));
        }
    }

    @Test
    void readWhenNothingThereThenNotFound() throws IOException {
        try (URLClassLoader loader = application(dir)) {
            assertThrows(FileNotFoundException.class, () -> KeyLocation.parse("/missing.pem").read(loader));
            assertThrows(FileNotFoundException.class, () -> KeyLocation.parse("classpath:missing.pem").read(loader));
            assertThrows(IOException.class, () -> KeyLocation.parse(dir.resolve("missing.pem").toUri().toString()).read(loader));
        }
    }

    @Test
    void readWhenLargerThanAnyKeyDocumentThenRefused() throws IOException {
        Path big = dir.resolve("big.pem");
        Files.write(big, new byte[RemoteJwks.MAX_DOCUMENT_BYTES + 1]);

        IOException refused = assertThrows(IOException.class, () -> KeyLocation.parse(big.toString()).read(null));
        assertTrue(refused.getMessage().contains("larger"), refused.getMessage());
    }

    @Test
    void readWhenOtherUrlSchemeThenOpenedAsUrl() throws IOException {
        Path jar = dir.resolve("keys.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("k.pem"));
            out.write("from the jar".getBytes(StandardCharsets.UTF_8));
        }

        assertEquals("from the jar", KeyLocation.parse("jar:" + jar.toUri() + "!/k.pem").read(null));
    }

    @Test
    void readWhenHttpThenTheBodyOfA200AndNothingElse() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/key", exchange -> {
            byte[] body = "the key".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/key");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertEquals("the key", KeyLocation.parse(base + "/key").read(null));
            assertThrows(IOException.class, () -> KeyLocation.parse(base + "/missing").read(null));
            assertThrows(IOException.class, () -> KeyLocation.parse(base + "/moved").read(null), "redirects are not followed");
        } finally {
            server.stop(0);
        }
    }
}
