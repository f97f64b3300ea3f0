package org.jwtbearer.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL the build started, controlled through its script ({@code it.postgres.script start|stop
 * it.postgres.dir}), and JDBC connections to its databases (the driver, {@code org.postgresql:postgresql},
 * must be on the test classpath).
 */
public final class Postgres {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private Postgres() {
    }

    /** Fast shutdown; returns when the server has stopped. */
    public static Duration stop() {
        return run("stop");
    }

    /** Returns when the server accepts connections again. */
    public static Duration start() {
        return run("start");
    }

    public static Connection connect(String database) throws SQLException {
        String url = ItEnvironment.postgresUrl(database);
        try {
            return DriverManager.getConnection(url, ItEnvironment.POSTGRES_USER, ItEnvironment.POSTGRES_PASSWORD);
        } catch (SQLException e) {
            if ("08001".equals(e.getSQLState()) || e.getMessage().contains("No suitable driver")) {
                throw new SQLException("cannot connect to " + url + " (is org.postgresql:postgresql on it-tests' test classpath, "
                        + "and PostgreSQL running?): " + e.getMessage(), e.getSQLState(), e);
            }
            throw e;
        }
    }

    private static Duration run(String command) {
        Path script = ItEnvironment.postgresScript();
        Path dir = ItEnvironment.postgresDir();
        Path log = ItEnvironment.workDir().resolve("postgres-" + command + "-" + RUNS.incrementAndGet() + ".log");
        Instant began = Instant.now();
        try {
            Process process = new ProcessBuilder("bash", script.toString(), command, dir.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("postgres.sh " + command + " did not finish within 120 s; output: " + read(log));
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("postgres.sh " + command + " " + dir + " exited with " + process.exitValue() + ": " + read(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running postgres.sh " + command, e);
        }
        Duration took = Duration.between(began, Instant.now());
        System.out.printf("[Postgres] %s took %d ms%n", command, took.toMillis());
        return took;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
