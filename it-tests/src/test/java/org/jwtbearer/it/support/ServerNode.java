package org.jwtbearer.it.support;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * One WildFly node run as its own process from the provisioned server ({@code it.server.dir}), with a base
 * directory of its own ({@code <it.work.dir>/nodes/<name>}: a copy of the server's {@code standalone/}
 * without its data, logs and temporary files, the EAR in {@code deployments/}), its own port offset, and
 * the product settings as {@code -D} options. Restarts reuse the directory; {@link #recreateDirectory()}
 * starts over from the template, as a rebuild would.
 *
 * <p>The node is started through {@code bin/standalone.sh} with {@code LAUNCH_JBOSS_IN_BACKGROUND=true} and
 * {@code JBOSS_PIDFILE}, so the pid of the server's JVM is known: {@link #stop()} sends it SIGTERM (a graceful
 * shutdown), {@link #kill()} SIGKILL. Everything the process writes goes to {@code <dir>/console.log}; the
 * server's own log is {@code <dir>/log/server.log}.
 *
 * <p>Nothing is left running: every started node is registered until it has exited, and a JVM shutdown hook
 * kills whatever a failing suite did not stop. A node directory whose {@code server.pid} names a live server
 * started from that directory (left over by a run that was itself killed) has that server killed before the
 * directory is used again.
 */
public final class ServerNode {

    public static final String STANDALONE = "standalone.xml";
    public static final String POSTGRESQL = "standalone-postgresql.xml";

    private static final int HTTP_BASE_PORT = 8080;
    private static final int MANAGEMENT_BASE_PORT = 9990;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,22}");
    /** Values go through standalone.sh's eval: nothing a shell would interpret inside quotes. */
    private static final Pattern UNSAFE_VALUE = Pattern.compile("['\"`$\\\\\\s]");
    private static final Set<String> SCRUBBED_DIRECTORIES = Set.of("data", "log", "tmp");

    private static final Set<ServerNode> LIVE = ConcurrentHashMap.newKeySet();
    private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ServerNode::killAllLeftRunning, "server-node-reaper"));
    }

    private final String name;
    private final String config;
    private final int portOffset;
    private final Map<String, String> settings;
    private final Path home;
    private final Path ear;
    private final Path dir;

    private Process launcher;
    private volatile ProcessHandle java;
    private long logOffset;
    private long lastPid = -1;
    private int starts;

    private ServerNode(String name, String config, int portOffset, Map<String, String> settings) {
        this.name = name;
        this.config = config;
        this.portOffset = portOffset;
        this.settings = new LinkedHashMap<>();
        settings.forEach(this::setting);
        this.home = ItEnvironment.serverDir();
        this.ear = ItEnvironment.ear();
        this.dir = directoryOf(name);
        if (UNSAFE_VALUE.matcher(dir.toString()).find()) {
            throw new IllegalStateException("the node directory must not contain blanks or quotes: " + dir);
        }
        if (!Files.isRegularFile(home.resolve("standalone/configuration").resolve(config))) {
            throw new IllegalStateException("the server has no configuration " + config + " in " + home.resolve("standalone/configuration"));
        }
    }

    /**
     * A node with a fresh directory (an existing one is deleted first): nothing runs yet.
     *
     * @param name       also the transaction node id; lower case letters, digits and '-', at most 23 characters
     * @param config     the server configuration in {@code standalone/configuration} ({@link #STANDALONE}, {@link #POSTGRESQL})
     * @param portOffset {@code jboss.socket.binding.port-offset}: HTTP on 8080 + offset, management on 9990 + offset
     * @param settings   system properties for the server ({@code -Dkey=value}), in this order
     */
    public static ServerNode create(String name, String config, int portOffset, Map<String, String> settings) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("node name '" + name + "': lower case letters, digits and '-', at most 23 characters");
        }
        ServerNode node = new ServerNode(name, config, portOffset, settings);
        node.makeDirectory();
        return node;
    }

    /** Where the node called {@code name} keeps its base directory: {@code <it.work.dir>/nodes/<name>}. */
    public static Path directoryOf(String name) {
        return ItEnvironment.workDir().resolve("nodes").resolve(name);
    }

    public String name() {
        return name;
    }

    public Path directory() {
        return dir;
    }

    public int portOffset() {
        return portOffset;
    }

    public int httpPort() {
        return HTTP_BASE_PORT + portOffset;
    }

    public int managementPort() {
        return MANAGEMENT_BASE_PORT + portOffset;
    }

    /** {@code http://localhost:<8080 + offset>}. */
    public String baseUrl() {
        return "http://localhost:" + httpPort();
    }

    /** {@code http://localhost:<9990 + offset>}, where {@code /health/ready} and {@code /health/live} are. */
    public String managementUrl() {
        return "http://localhost:" + managementPort();
    }

    public Map<String, String> settings() {
        return Collections.unmodifiableMap(settings);
    }

    /** Sets (or replaces) a system property for the next start. */
    public synchronized ServerNode setting(String key, String value) {
        if (key.isEmpty() || UNSAFE_VALUE.matcher(key).find() || UNSAFE_VALUE.matcher(value).find()) {
            throw new IllegalArgumentException("setting " + key + ": no blanks, quotes, '$', '`' or '\\' (standalone.sh evaluates its arguments)");
        }
        settings.put(key, value);
        return this;
    }

    public synchronized ServerNode removeSetting(String key) {
        settings.remove(key);
        return this;
    }

    /** The pid of the server's JVM while it runs, else of the last one, else -1. */
    public long pid() {
        ProcessHandle handle = java;
        return handle != null ? handle.pid() : lastPid;
    }

    public boolean isRunning() {
        ProcessHandle handle = java;
        return handle != null && handle.isAlive();
    }

    /** How many times this node was started. */
    public int starts() {
        return starts;
    }

    /**
     * Starts the node and waits until its EAR is deployed and {@code /health/ready} answers UP (at most
     * {@code it.node.start.timeout.seconds}, 120 by default). Fails, after killing the node, when the deployment
     * failed, the process exited or the time ran out, with the node's log tail in the message.
     */
    public synchronized ServerNode start() {
        Instant began = Instant.now();
        launch();
        Instant deadline = began.plusSeconds(ItEnvironment.nodeStartTimeoutSeconds());
        while (true) {
            if (Files.exists(marker("failed"))) {
                String diagnostics = diagnostics("the deployment failed: " + read(marker("failed")));
                killQuietly();
                throw new AssertionError(diagnostics);
            }
            if (!isRunning()) {
                String diagnostics = diagnostics("the server process exited during start-up");
                afterExit();
                throw new AssertionError(diagnostics);
            }
            if (Files.exists(marker("deployed"))) {
                Health ready = readiness();
                if (ready.up()) {
                    say("ready in " + Duration.between(began, Instant.now()).toMillis() + " ms (pid " + pid() + ", start " + starts + ")");
                    return this;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                String diagnostics = diagnostics("not deployed and ready within " + ItEnvironment.nodeStartTimeoutSeconds()
                        + " s; readiness: " + readiness());
                killQuietly();
                throw new AssertionError(diagnostics);
            }
            sleep(500);
        }
    }

    /**
     * Starts the node expecting it to refuse: waits until the deployment failed ({@code .failed} marker) or the
     * process exited, or {@code timeout} passed. Fails (after killing the node) if the EAR got deployed or the
     * readiness check answered UP at any time, including a short while after the failure. Leaves a still
     * running server running (the caller stops it), and returns the server log written since this start.
     */
    public synchronized String startExpectingFailure(Duration timeout) {
        launch();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            refuseIfReady();
            if (Files.exists(marker("failed")) || !isRunning()) {
                break;
            }
            sleep(500);
        }
        if (isRunning()) {
            // Whatever the failure leads to (an undeployed EAR, a server going down), readiness must not turn UP.
            for (int i = 0; i < 4; i++) {
                sleep(500);
                refuseIfReady();
            }
        } else {
            afterExit();
        }
        say("refused to start, as expected (failed marker: " + deploymentFailed() + ", running: " + isRunning() + ")");
        return serverLogSinceStart();
    }

    private void refuseIfReady() {
        boolean deployed = deployed();
        Health ready = readiness();
        if (deployed || ready.up()) {
            String diagnostics = diagnostics("started although it was expected to refuse (deployed: " + deployed + ", readiness: " + ready + ")");
            killQuietly();
            throw new AssertionError(diagnostics);
        }
    }

    /** Graceful: SIGTERM to the server's JVM, then waits for it to exit (SIGKILL after 60 s). */
    public synchronized void stop() {
        ProcessHandle handle = java;
        if (handle == null) {
            return;
        }
        if (handle.isAlive()) {
            Instant began = Instant.now();
            handle.destroy();
            if (!awaitExit(handle, Duration.ofSeconds(60))) {
                say("did not stop within 60 s of SIGTERM; killing it");
                handle.destroyForcibly();
                awaitExit(handle, Duration.ofSeconds(30));
            }
            say("stopped in " + Duration.between(began, Instant.now()).toMillis() + " ms");
        }
        afterExit();
    }

    /** SIGKILL to the server's JVM: no shutdown of any kind. Waits until the process is gone. */
    public synchronized void kill() {
        ProcessHandle handle = java;
        if (handle == null) {
            return;
        }
        if (handle.isAlive()) {
            handle.destroyForcibly();
            if (!awaitExit(handle, Duration.ofSeconds(30))) {
                throw new AssertionError(name + ": pid " + handle.pid() + " still alive 30 s after SIGKILL");
            }
            say("killed (SIGKILL, pid " + handle.pid() + ")");
        }
        afterExit();
    }

    /** Deletes the node directory entirely and makes a fresh one from the server template (the node must be stopped). */
    public synchronized ServerNode recreateDirectory() {
        if (isRunning()) {
            throw new IllegalStateException(name + " is running; stop it before deleting its directory");
        }
        makeDirectory();
        logOffset = 0;
        return this;
    }

    /** Deletes the node directory entirely (the node must be stopped). */
    public synchronized void deleteDirectory() {
        if (isRunning()) {
            throw new IllegalStateException(name + " is running; stop it before deleting its directory");
        }
        deleteRecursively(dir);
    }

    public Health readiness() {
        return probe("/health/ready");
    }

    public Health liveness() {
        return probe("/health/live");
    }

    public boolean deployed() {
        return Files.exists(marker("deployed"));
    }

    public boolean deploymentFailed() {
        return Files.exists(marker("failed"));
    }

    /** What the deployment scanner wrote into the {@code .failed} marker, or empty. */
    public String failedMarkerText() {
        return Files.exists(marker("failed")) ? read(marker("failed")) : "";
    }

    public Path serverLogFile() {
        return dir.resolve("log/server.log");
    }

    /** The whole {@code log/server.log} (over all starts of this directory). */
    public String serverLog() {
        Path log = serverLogFile();
        return Files.exists(log) ? read(log) : "";
    }

    /** What {@code log/server.log} got since the last start. */
    public String serverLogSinceStart() {
        Path log = serverLogFile();
        if (!Files.exists(log)) {
            return "";
        }
        try {
            byte[] all = Files.readAllBytes(log);
            int from = logOffset <= all.length ? (int) logOffset : 0;
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String consoleLog() {
        Path log = dir.resolve("console.log");
        return Files.exists(log) ? read(log) : "";
    }

    /** The last {@code lines} lines of {@code log/server.log}. */
    public String serverLogTail(int lines) {
        return tail(serverLog(), lines);
    }

    /** Name, ports, process, markers, readiness and the tails of the server log and the console: for failure messages. */
    public String diagnostics(String headline) {
        return String.format("%s: %s%n  dir %s, http %d, management %d, pid %d, running %s, deployed %s, failed %s%n"
                        + "  readiness %s%n--- %s server.log (last 80 lines) ---%n%s%n--- %s console.log (last 20 lines) ---%n%s%n---",
                name, headline, dir, httpPort(), managementPort(), pid(), isRunning(), deployed(), deploymentFailed(),
                isRunning() ? readiness() : "(not running)", name, serverLogTail(80), name, tail(consoleLog(), 20));
    }

    @Override
    public String toString() {
        return "ServerNode[" + name + ", " + baseUrl() + ", " + (isRunning() ? "running, pid " + pid() : "stopped") + "]";
    }

    /** Stops (gracefully) every node given that is running; the first failure is thrown after all were tried. */
    public static void stopAll(ServerNode... nodes) {
        RuntimeException first = null;
        for (ServerNode node : nodes) {
            if (node == null) {
                continue;
            }
            try {
                node.stop();
            } catch (RuntimeException | Error e) {
                node.killQuietly();
                if (first == null) {
                    first = new IllegalStateException("stopping " + node.name + " failed", e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private void launch() {
        if (isRunning()) {
            throw new IllegalStateException(name + " is already running (pid " + pid() + ")");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(name + ": no node directory " + dir + " (deleted? use recreateDirectory())");
        }
        killLeftoverOf(dir);
        requireFree(httpPort());
        requireFree(managementPort());
        for (String suffix : List.of("deployed", "failed", "isdeploying", "pending", "undeployed")) {
            deleteQuietly(marker(suffix));
        }
        Path pidFile = dir.resolve("server.pid");
        deleteQuietly(pidFile);
        try {
            logOffset = Files.exists(serverLogFile()) ? Files.size(serverLogFile()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        List<String> command = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/standalone.sh").toString(),
                "-c", config,
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Djboss.tx.node.id=" + name));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        Path console = dir.resolve("console.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        Map<String, String> environment = builder.environment();
        // What standalone.sh and standalone.conf would pick up from the test JVM's environment (a developer's
        // JBOSS_HOME, DEBUG=true opening the same debug port on every node, …) goes; the rest is set here.
        for (String variable : List.of("JBOSS_HOME", "DEBUG", "DEBUG_PORT", "GC_LOG", "RUN_CONF", "SECMGR", "PRESERVE_JAVA_OPTS",
                "JBOSS_JAVA_SIZING", "JBOSS_MODULEPATH", "MODULE_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            environment.remove(variable);
        }
        String javaHome = System.getProperty("java.home");
        environment.put("JAVA_HOME", javaHome);
        environment.put("JAVA", Path.of(javaHome, "bin", "java").toString());
        environment.put("JBOSS_BASE_DIR", dir.toString());
        environment.put("JBOSS_LOG_DIR", dir.resolve("log").toString());
        environment.put("JBOSS_CONFIG_DIR", dir.resolve("configuration").toString());
        environment.put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        environment.put("JBOSS_PIDFILE", pidFile.toString());
        environment.put("JAVA_OPTS", String.join(" ", "-Xms128m", "-Xmx512m", "-XX:MetaspaceSize=96M", "-XX:MaxMetaspaceSize=256m",
                "-Djava.net.preferIPv4Stack=true", "-Djava.awt.headless=true", "-Djboss.modules.system.pkgs=org.jboss.byteman",
                "-Djboss.server.base.dir=" + dir));
        appendLine(console, String.format("%n===== %s start %d at %s =====%n%s", name, starts + 1, Instant.now(),
                command.stream().map(ServerNode::masked).collect(Collectors.joining(" "))));
        try {
            launcher = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(1), e);
        }
        starts++;
        java = awaitJavaProcess(pidFile);
        lastPid = java.pid();
        LIVE.add(this);
        say("launched (pid " + lastPid + ", " + config + ", offset " + portOffset + ")");
    }

    private ProcessHandle awaitJavaProcess(Path pidFile) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(pidFile)) {
                String text = read(pidFile).trim();
                if (text.matches("\\d+")) {
                    Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(text));
                    if (handle.isPresent()) {
                        return handle.get();
                    }
                }
            }
            if (!launcher.isAlive()) {
                throw new AssertionError(name + ": standalone.sh exited with status " + launcher.exitValue()
                        + " before the server's JVM started\n" + tail(consoleLog(), 40));
            }
            sleep(100);
        }
        Optional<ProcessHandle> java = launcher.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false)).findFirst();
        if (java.isPresent()) {
            return java.get();
        }
        launcher.destroyForcibly();
        throw new AssertionError(name + ": no pid in " + pidFile + " within 30 s of launching standalone.sh\n" + tail(consoleLog(), 40));
    }

    /** After the JVM exited: the launcher script follows it at once (it only waits for the JVM). */
    private void afterExit() {
        Process script = launcher;
        if (script != null) {
            try {
                if (!script.waitFor(10, TimeUnit.SECONDS)) {
                    script.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                script.destroyForcibly();
            }
        }
        LIVE.remove(this);
        java = null;
        launcher = null;
    }

    void killQuietly() {
        ProcessHandle handle = java;
        if (handle != null) {
            handle.destroyForcibly();
            awaitExit(handle, Duration.ofSeconds(30));
        }
        Process script = launcher;
        if (script != null) {
            script.destroyForcibly();
        }
        LIVE.remove(this);
        java = null;
        launcher = null;
    }

    private static void killAllLeftRunning() {
        List<ServerNode> left = new ArrayList<>(LIVE);
        for (ServerNode node : left) {
            ProcessHandle handle = node.java;
            if (handle != null && handle.isAlive()) {
                System.err.println("[ServerNode " + node.name + "] still running at JVM exit; stopping pid " + handle.pid());
                handle.destroy();
            }
        }
        for (ServerNode node : left) {
            ProcessHandle handle = node.java;
            if (handle != null && !awaitExit(handle, Duration.ofSeconds(15))) {
                handle.destroyForcibly();
                awaitExit(handle, Duration.ofSeconds(10));
            }
            Process script = node.launcher;
            if (script != null) {
                script.destroyForcibly();
            }
        }
    }

    /** A server from this directory left running by an earlier run that was itself killed: not ours to keep. */
    private void killLeftoverOf(Path directory) {
        Path pidFile = directory.resolve("server.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String text = read(pidFile).trim();
        if (!text.matches("\\d+")) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(Long.parseLong(text));
        if (handle.isEmpty() || !handle.get().isAlive() || (java != null && java.pid() == handle.get().pid())) {
            return;
        }
        String commandLine = handle.get().info().commandLine().orElse("")
                + " " + String.join(" ", handle.get().info().arguments().orElse(new String[0]));
        if (commandLine.contains("jboss.server.base.dir=" + directory)) {
            say("killing pid " + text + ", a server left running in " + directory + " by an earlier run");
            handle.get().destroyForcibly();
            awaitExit(handle.get(), Duration.ofSeconds(30));
        }
    }

    private void requireFree(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        } catch (IOException e) {
            return;
        }
        throw new AssertionError(name + ": port " + port + " is already in use; another server (a node of an earlier run?) "
                + "would answer in this node's place. Stop it first.");
    }

    private void makeDirectory() {
        killLeftoverOf(dir);
        deleteRecursively(dir);
        Path template = home.resolve("standalone");
        String earName = ear.getFileName().toString();
        try (Stream<Path> paths = Files.walk(template)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path relative = template.relativize(source);
                if (skipped(relative, earName)) {
                    continue;
                }
                Path target = dir.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (String sub : List.of("data", "log", "tmp", "deployments")) {
                Files.createDirectories(dir.resolve(sub));
            }
            Files.copy(ear, dir.resolve("deployments").resolve(earName), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the node directory " + dir + " from " + template, e);
        }
    }

    private static boolean skipped(Path relative, String earName) {
        if (relative.getNameCount() == 0 || relative.toString().isEmpty()) {
            return false;
        }
        String first = relative.getName(0).toString();
        if (SCRUBBED_DIRECTORIES.contains(first)) {
            return relative.getNameCount() > 1;
        }
        if (first.equals("configuration") && relative.getNameCount() > 1 && relative.getName(1).toString().equals("standalone_xml_history")) {
            return true;
        }
        return first.equals("deployments") && relative.getNameCount() == 2 && relative.getName(1).toString().startsWith(earName);
    }

    private Path marker(String suffix) {
        return dir.resolve("deployments").resolve(ear.getFileName() + "." + suffix);
    }

    private Health probe(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + path)).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = PROBE.send(request, HttpResponse.BodyHandlers.ofString());
            return new Health(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            return new Health(-1, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Health(-1, null, "interrupted");
        }
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !handle.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private void say(String message) {
        System.out.printf("[ServerNode %s] %s%n", name, message);
    }

    private static String masked(String argument) {
        String lower = argument.toLowerCase();
        if (argument.startsWith("-D") && (lower.contains("secret") || lower.contains("password") || lower.contains("encryption-key"))) {
            return argument.substring(0, argument.indexOf('=') + 1) + "****";
        }
        return argument;
    }

    static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    private static void appendLine(Path file, String line) {
        try {
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a marker the scanner is rewriting at this moment; the next start deals with it
        }
    }

    /** Deletes a file or a directory tree; nothing when it does not exist. */
    public static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * An answer of a MicroProfile Health endpoint: HTTP status (-1 when nothing answered), body, or the
     * connection error.
     */
    public record Health(int status, String body, String error) {

        /** 200 with {@code "status":"UP"}. */
        public boolean up() {
            return status == 200 && "UP".equals(reportedStatus());
        }

        /** 503 with {@code "status":"DOWN"}. */
        public boolean down() {
            return status == 503 && "DOWN".equals(reportedStatus());
        }

        /** The {@code status} member of the JSON answer, or null. */
        public String reportedStatus() {
            if (body == null || body.isBlank()) {
                return null;
            }
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                JsonObject json = reader.readObject();
                return json.containsKey("status") && json.get("status").getValueType() == jakarta.json.JsonValue.ValueType.STRING
                        ? json.getString("status") : null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return error != null ? "no answer (" + error + ")" : "HTTP " + status + " " + body;
        }
    }
}
