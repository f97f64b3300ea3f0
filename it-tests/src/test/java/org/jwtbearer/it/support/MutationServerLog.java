package org.jwtbearer.it.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The log of the server Arquillian deployed to: WildFly's {@code standalone/log/server.log} under {@code it.server.dir},
 * or the Payara domain's {@code logs/server.log} under {@code payara.home}. A suite marks where the log ends before
 * it starts and reads what was written after, to tell whether its requests made the server log errors.
 */
public final class MutationServerLog {

    /** A new log record: WildFly's {@code 2026-12-03 19:06:00,123 LEVEL} or Payara's {@code [2026-12-03T19:06:00.123+0000]}. */
    private static final Pattern RECORD_START = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}|\\[\\d{4}-\\d{2}-\\d{2}T).*");
    /** WildFly writes java.util.logging's SEVERE as is, beside ERROR and FATAL; Payara writes [SEVERE]. */
    private static final Pattern ERROR_LEVEL = Pattern.compile("^\\S+ \\S+ (ERROR|SEVERE|FATAL) |\\[(SEVERE|ERROR)\\]");
    private static final Pattern WARN_LEVEL = Pattern.compile("^\\S+ \\S+ WARN |\\[WARNING\\]");
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w$.<>/@-]+\\(.*\\)\\s*$");
    /** Payara's listener decoding or normalising the request URI, before it has chosen an application. */
    private static final Pattern LISTENER_URI_DECODING = Pattern.compile(
            "(?s).*\\[AS-WEB-CORE-00037\\].*\\sat org\\.glassfish\\.grizzly\\.http\\.util\\.(HttpRequestURIDecoder|URLDecoder)\\."
                    + ".*\\sat org\\.apache\\.catalina\\.connector\\.CoyoteAdapter\\.postParseRequest\\(.*");

    private final Path file;

    private MutationServerLog(Path file) {
        this.file = file;
    }

    /** The deployed server's log, found from the build's system properties. */
    public static MutationServerLog ofDeployedServer() {
        String wildfly = System.getProperty(ItEnvironment.SERVER_DIR);
        if (wildfly != null && !wildfly.isBlank()) {
            return new MutationServerLog(Path.of(wildfly, "standalone", "log", "server.log"));
        }
        String payara = System.getProperty("payara.home");
        if (payara != null && !payara.isBlank()) {
            try (Stream<Path> domains = Files.list(Path.of(payara, "glassfish", "domains"))) {
                return new MutationServerLog(domains.map(d -> d.resolve("logs/server.log")).filter(Files::isRegularFile).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no domain with logs/server.log under " + payara)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("neither it.server.dir nor payara.home is set: which server's log is it?");
    }

    public Path file() {
        return file;
    }

    /** Where the log ends now. */
    public long mark() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What was written after {@code mark} (all of it, if the log was rotated meanwhile). */
    public String since(long mark) {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long from = log.length() < mark ? 0 : mark;
            byte[] bytes = new byte[(int) Math.min(log.length() - from, 64L * 1024 * 1024)];
            log.seek(from);
            log.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The records of {@code text} logged at ERROR (SEVERE) level that carry a stack trace, except those of
     * {@link #listenerUriDecodingFailures}.
     */
    public static List<String> errorStackTraces(String text) {
        return withStackTrace(text, ERROR_LEVEL).stream().filter(r -> !isListenerUriDecodingFailure(r)).toList();
    }

    /**
     * Payara's own SEVERE records, with a stack trace, of request URIs its HTTP listener could not decode ({@code %zz},
     * {@code %u00e9}, a truncated escape): it decodes and normalises the URI before it picks an application, so no
     * filter or code of ours can see such a request, and it catches only one of the exceptions its decoder throws.
     * Counted and shown, not failed: a limit of the server, recorded for operators in docs/production.md.
     */
    public static List<String> listenerUriDecodingFailures(String text) {
        return withStackTrace(text, ERROR_LEVEL).stream().filter(MutationServerLog::isListenerUriDecodingFailure).toList();
    }

    private static boolean isListenerUriDecodingFailure(String record) {
        return LISTENER_URI_DECODING.matcher(record).matches() && !record.contains("at org.jwtbearer.");
    }

    /** The records of {@code text} logged at WARN level that carry a stack trace: not failures here, but worth counting. */
    public static List<String> warningStackTraces(String text) {
        return withStackTrace(text, WARN_LEVEL);
    }

    private static List<String> withStackTrace(String text, Pattern level) {
        List<String> found = new ArrayList<>();
        StringBuilder record = null;
        for (String line : text.split("\\R")) {
            if (RECORD_START.matcher(line).matches()) {
                addIfWithTrace(record, level, found);
                record = new StringBuilder();
            }
            if (record != null) {
                record.append(line).append('\n');
            }
        }
        addIfWithTrace(record, level, found);
        return found;
    }

    private static void addIfWithTrace(StringBuilder record, Pattern level, List<String> found) {
        if (record == null) {
            return;
        }
        String text = record.toString();
        String first = text.substring(0, text.indexOf('\n'));
        if (level.matcher(first).find() && text.lines().anyMatch(l -> STACK_FRAME.matcher(l).matches())) {
            found.add(text);
        }
    }
}
