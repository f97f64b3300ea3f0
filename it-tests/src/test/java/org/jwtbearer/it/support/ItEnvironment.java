package org.jwtbearer.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the build hands the suites that run their own server processes (failsafe system properties). Each
 * accessor fails with a message naming the missing property, so a miswired build says what is missing
 * instead of failing somewhere further on.
 */
public final class ItEnvironment {

    /** A provisioned WildFly home: {@code bin/standalone.sh}, {@code standalone/configuration/*.xml}. */
    public static final String SERVER_DIR = "it.server.dir";
    /** The EAR the nodes deploy (copied into each node's {@code deployments/}). */
    public static final String EAR = "it.ear";
    public static final String FIXTURES_DIR = "it.fixtures.dir";
    /** A directory (under target/) where node directories and data directories are made. */
    public static final String WORK_DIR = "it.work.dir";
    /** {@code postgres.sh start|stop <dir>}. */
    public static final String POSTGRES_SCRIPT = "it.postgres.script";
    public static final String POSTGRES_DIR = "it.postgres.dir";
    public static final String POSTGRES_PORT = "it.postgres.port";
    /** Optional: the databases' names, when the build uses others than the defaults. */
    public static final String POSTGRES_CLUSTER_DATABASE = "it.postgres.cluster.database";
    public static final String POSTGRES_REFUSAL_DATABASE = "it.postgres.refusal.database";
    /** Optional: seconds a node may take to start and deploy (default 120). */
    public static final String NODE_START_TIMEOUT = "it.node.start.timeout.seconds";

    public static final String POSTGRES_USER = "jwtbearer";
    public static final String POSTGRES_PASSWORD = "jwtbearer";

    private ItEnvironment() {
    }

    public static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property '" + name + "' is not set. The suites that start their own "
                    + "WildFly nodes need it from the build (failsafe systemPropertyVariables in it-tests/pom.xml): "
                    + String.join(", ", SERVER_DIR, EAR, FIXTURES_DIR, WORK_DIR, POSTGRES_SCRIPT, POSTGRES_DIR, POSTGRES_PORT));
        }
        return value.trim();
    }

    public static Path serverDir() {
        Path dir = existing(SERVER_DIR);
        if (!Files.isRegularFile(dir.resolve("bin/standalone.sh")) || !Files.isDirectory(dir.resolve("standalone/configuration"))) {
            throw new IllegalStateException(SERVER_DIR + "=" + dir + " is not a WildFly home (no bin/standalone.sh or standalone/configuration)");
        }
        return dir;
    }

    public static Path ear() {
        Path ear = existing(EAR);
        if (!Files.isRegularFile(ear)) {
            throw new IllegalStateException(EAR + "=" + ear + " is not a file");
        }
        return ear;
    }

    public static Path fixturesDir() {
        return existing(FIXTURES_DIR);
    }

    public static Path bootstrapFile() {
        Path file = fixturesDir().resolve("bootstrap.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no bootstrap.json in " + fixturesDir() + " (FixtureGenerator runs before the suites)");
        }
        return file;
    }

    public static Path workDir() {
        Path dir = Path.of(required(WORK_DIR)).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + WORK_DIR + "=" + dir, e);
        }
        return dir;
    }

    public static Path postgresScript() {
        return existing(POSTGRES_SCRIPT);
    }

    public static Path postgresDir() {
        return existing(POSTGRES_DIR);
    }

    public static int postgresPort() {
        String port = required(POSTGRES_PORT);
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(POSTGRES_PORT + "=" + port + " is not a port number");
        }
    }

    public static String clusterDatabase() {
        return System.getProperty(POSTGRES_CLUSTER_DATABASE, "jwtbearer_cluster");
    }

    public static String refusalDatabase() {
        return System.getProperty(POSTGRES_REFUSAL_DATABASE, "jwtbearer_refusal");
    }

    /** {@code jdbc:postgresql://localhost:<it.postgres.port>/<database>}. */
    public static String postgresUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort() + "/" + database;
    }

    public static int nodeStartTimeoutSeconds() {
        return Integer.getInteger(NODE_START_TIMEOUT, 120);
    }

    private static Path existing(String name) {
        Path path = Path.of(required(name)).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException(name + "=" + path + " does not exist");
        }
        return path;
    }
}
