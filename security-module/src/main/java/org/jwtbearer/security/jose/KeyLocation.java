package org.jwtbearer.security.jose;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where key text is kept, as {@code mp.jwt.verify.publickey.location} and {@code mp.jwt.decrypt.key.location}
 * name it (MP-JWT 2.1, "mp.jwt.verify.publickey.location"):
 *
 * <ul>
 *   <li>{@code http:}/{@code https:} URLs — for verification keys, fetched and refreshed by {@link RemoteJwks};</li>
 *   <li>{@code file:} URLs;</li>
 *   <li>{@code classpath:} followed by a resource name (the form SmallRye JWT and Quarkus accept);</li>
 *   <li>any other URL scheme, read with {@code new URL(location).openStream()} as the specification says;</li>
 *   <li>anything else is a path: "resolved in the following order: {@code new File(location)},
 *   {@code Thread.currentThread().getContextClassLoader().getResource(location)}" — so {@code /publicKey.pem}
 *   is the resource {@code publicKey.pem} of the application unless a file of that name exists.</li>
 * </ul>
 *
 * @param kind  how the location is read
 * @param value the URL, or the path or resource name as configured (without {@code classpath:})
 */
public record KeyLocation(Kind kind, String value) {

    public enum Kind { HTTP, FILE_URL, CLASS_PATH, OTHER_URL, PATH }

    /** Two characters at least, so that a Windows path such as {@code C:\keys\k.pem} stays a path. */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");
    private static final String CLASSPATH_PREFIX = "classpath:";

    /** Key text is read at deployment: a location that does not answer within this fails it rather than hangs it. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    /** @throws IllegalArgumentException when the location is blank or an unusable URL */
    public static KeyLocation parse(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalArgumentException("the location is empty");
        }
        String location = configured.strip();
        if (location.regionMatches(true, 0, CLASSPATH_PREFIX, 0, CLASSPATH_PREFIX.length())) {
            String resource = location.substring(CLASSPATH_PREFIX.length());
            if (resource.isBlank()) {
                throw new IllegalArgumentException("no resource name after classpath:");
            }
            return new KeyLocation(Kind.CLASS_PATH, resource);
        }
        Matcher scheme = SCHEME.matcher(location);
        if (!scheme.find()) {
            return new KeyLocation(Kind.PATH, location);
        }
        return switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
            case "http", "https" -> new KeyLocation(Kind.HTTP, httpUrl(location));
            case "file" -> new KeyLocation(Kind.FILE_URL, fileUrl(location));
            default -> new KeyLocation(Kind.OTHER_URL, otherUrl(location));
        };
    }

    private static String httpUrl(String location) {
        try {
            URI uri = new URI(location);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("the URL " + location + " names no host");
            }
            return uri.toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + e.getMessage(), e);
        }
    }

    private static String fileUrl(String location) {
        try {
            Path.of(new URI(location));
            return location;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid file URL (file:///absolute/path): " + e.getMessage(), e);
        }
    }

    private static String otherUrl(String location) {
        try {
            new URL(location);
            return location;
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a URL this JVM can open: " + e.getMessage(), e);
        }
    }

    public boolean isRemote() {
        return kind == Kind.HTTP;
    }

    /** The location as a URI, for {@link RemoteJwks}; only for {@link Kind#HTTP}. */
    public URI uri() {
        if (kind != Kind.HTTP) {
            throw new IllegalStateException("not an http(s) location: " + value);
        }
        return URI.create(value);
    }

    /**
     * The text at the location, at most {@value RemoteJwks#MAX_DOCUMENT_BYTES} bytes.
     *
     * @param loader the application's class loader (the thread context class loader at deployment), which
     *               resolves class-path locations: the key is a resource of the application, not of this module
     * @throws IOException when there is nothing to read there, or too much
     */
    public String read(ClassLoader loader) throws IOException {
        return switch (kind) {
            case PATH -> readPath(loader);
            case CLASS_PATH -> readResource(loader);
            case FILE_URL -> capped(Files.newInputStream(Path.of(URI.create(value))));
            case HTTP, OTHER_URL -> readUrl();
        };
    }

    private String readPath(ClassLoader loader) throws IOException {
        Path file;
        try {
            file = Path.of(value);
        } catch (InvalidPathException e) {
            return readResource(loader);
        }
        return Files.isRegularFile(file) ? capped(Files.newInputStream(file)) : readResource(loader);
    }

    private String readResource(ClassLoader loader) throws IOException {
        // ClassLoader.getResource takes names without a leading slash; MP-JWT's examples (/publicKey.pem) have one.
        String name = value.startsWith("/") ? value.substring(1) : value;
        URL resource = loader == null ? null : loader.getResource(name);
        if (resource == null) {
            throw new FileNotFoundException(value + " is neither a file nor a resource of the application's class path");
        }
        return capped(resource.openStream());
    }

    private String readUrl() throws IOException {
        URLConnection connection = new URL(value).openConnection();
        connection.setConnectTimeout((int) READ_TIMEOUT.toMillis());
        connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
        if (connection instanceof HttpURLConnection http) {
            // A redirect would lead the read somewhere the location was never checked for.
            http.setInstanceFollowRedirects(false);
            int status = http.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                http.disconnect();
                throw new IOException("HTTP " + status + " from " + value);
            }
        }
        return capped(connection.getInputStream());
    }

    private static String capped(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(RemoteJwks.MAX_DOCUMENT_BYTES + 1);
            if (bytes.length > RemoteJwks.MAX_DOCUMENT_BYTES) {
                throw new IOException("larger than " + RemoteJwks.MAX_DOCUMENT_BYTES + " bytes; not a key document");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    @Override
    public String toString() {
        return kind == Kind.CLASS_PATH ? CLASSPATH_PREFIX + value : value;
    }
}
