package org.jwtbearer.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The log of the server the suites run against ({@code it.server.log}: WildFly's {@code server.log} or the
 * Payara domain's), read from a mark on: what a test's requests made the server write.
 */
public final class ServerLog {

    /** Long enough for a server that hands log records to a writer thread (Payara) to have written them. */
    private static final long SETTLE_MILLIS = 1500;

    private final Path file;
    private final long mark;

    private ServerLog(Path file, long mark) {
        this.file = file;
        this.mark = mark;
    }

    /** Marks the end of the log as it is now. */
    public static ServerLog mark() {
        String property = System.getProperty("it.server.log");
        if (property == null || property.isBlank()) {
            throw new IllegalStateException("System property 'it.server.log' is not set (failsafe systemPropertyVariables in it-tests/pom.xml)");
        }
        Path file = Path.of(property);
        try {
            return new ServerLog(file, Files.exists(file) ? Files.size(file) : 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What was written since the mark (after a moment to settle); empty if the log was rotated meanwhile. */
    public String written() {
        try {
            Thread.sleep(SETTLE_MILLIS);
            try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
                if (log.length() < mark) {
                    return "";
                }
                byte[] bytes = new byte[(int) (log.length() - mark)];
                log.seek(mark);
                log.readFully(bytes);
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The lines since the mark that are errors or stack frames: WildFly's ERROR, Payara's SEVERE, "at …" lines. */
    public List<String> errorsAndStackTraces() {
        return written().lines()
                .filter(line -> line.contains(" ERROR ") || line.contains("SEVERE") || line.stripLeading().startsWith("at ")
                        || line.contains("Exception:") || line.contains("Caused by"))
                .toList();
    }

    /** Fails, quoting them, when the server wrote errors or stack traces since the mark. */
    public void assertNoErrorsOrStackTraces(String after) {
        List<String> lines = errorsAndStackTraces();
        assertEquals(List.of(), lines.stream().limit(20).toList(), "the server log after " + after + " (" + lines.size() + " lines)");
    }
}
