package org.ecoplan.auth.keycloak;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs a Keycloak server in development mode ({@code kc.sh start-dev}) from the
 * {@code org.keycloak:keycloak-quarkus-dist} zip, for {@code ./platform up} and the e2e tests.
 *
 * <p>Everything lives in one home folder: {@code keycloak-<version>/} (the unpacked distribution, unpacked
 * once), {@code data/} (the H2 database, kept across restarts), {@code keycloak.log} (the server's output,
 * appended) and {@code keycloak.properties} (pid, start instant and ports of the running server, for
 * {@link #attach}).
 *
 * <p>The server outlives the JVM that started it, in a session of its own when {@code setsid} is available
 * (so Ctrl-C in the launcher's terminal does not reach it); stop it with {@link #stop()}, from this JVM or
 * from another one through {@link #attach}. Only for developer machines and tests: dev mode keeps no
 * production settings.
 */
public final class KeycloakRunner {

    /** Local-development bootstrap administrator of the master realm. Never use it anywhere else. */
    public static final String LOCAL_ADMIN_USERNAME = "admin";

    /** Local-development password of {@link #LOCAL_ADMIN_USERNAME}. Never use it anywhere else. */
    public static final String LOCAL_ADMIN_PASSWORD = "admin";

    /** The platform's local Keycloak port. */
    public static final int DEFAULT_HTTP_PORT = 8180;

    /** System property naming a Keycloak server zip to use instead of the one in the Maven repository. */
    public static final String DISTRIBUTION_PROPERTY = KeycloakDistribution.ZIP_PROPERTY;

    private static final String STATE_FILE = "keycloak.properties";
    private static final String LOG_FILE = "keycloak.log";
    private static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration FORCED_STOP_WAIT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int LOG_TAIL_LINES = 40;

    private final Path home;
    private final Path distribution;
    private final int httpPort;
    private final int managementPort;
    private final long pid;
    private final Optional<Instant> started;
    private final long logStart;
    private final Process process;

    private KeycloakRunner(Path home, Path distribution, int httpPort, int managementPort, long pid,
            Optional<Instant> started, long logStart, Process process) {
        this.home = home;
        this.distribution = distribution;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.pid = pid;
        this.started = started;
        this.logStart = logStart;
        this.process = process;
    }

    /** Starts configuring a Keycloak whose files live in {@code home}; created if missing. */
    public static Builder builder(Path home) {
        return new Builder(home);
    }

    /**
     * The Keycloak last started from {@code home}, possibly by another JVM, as recorded in its
     * {@code keycloak.properties}; empty when none was started there or it was stopped through this class.
     * The result may describe a server that has died since: check {@link #isAlive()}.
     */
    public static Optional<KeycloakRunner> attach(Path home) {
        Path stateFile = home.resolve(STATE_FILE);
        if (!Files.isRegularFile(stateFile)) {
            return Optional.empty();
        }
        Properties state = new Properties();
        try (InputStream in = Files.newInputStream(stateFile)) {
            state.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + stateFile, e);
        }
        return Optional.of(new KeycloakRunner(home, Path.of(state.getProperty("distribution")),
                Integer.parseInt(state.getProperty("httpPort")), Integer.parseInt(state.getProperty("managementPort")),
                Long.parseLong(state.getProperty("pid")),
                Optional.ofNullable(state.getProperty("started")).map(Instant::parse),
                Long.parseLong(state.getProperty("logStart")), null));
    }

    /**
     * The process started: the {@code kc.sh} shell, which runs the server JVM as its child, or the JVM
     * itself once {@code kc.sh} has replaced itself with it after a first-start build. {@link #stop()} handles
     * both.
     */
    public long pid() {
        return pid;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The port of health and metrics, kept off 9000 so that two Keycloaks on one machine do not collide. */
    public int managementPort() {
        return managementPort;
    }

    /** Keycloak's base URL, such as {@code http://localhost:8180}. */
    public URI url() {
        return URI.create("http://localhost:" + httpPort);
    }

    public Path home() {
        return home;
    }

    public Path logFile() {
        return home.resolve(LOG_FILE);
    }

    /** Whether any process of this Keycloak still runs. */
    public boolean isAlive() {
        return !processes().isEmpty();
    }

    /**
     * Waits until Keycloak reports itself ready on its health endpoint and serves the master realm's
     * OpenID Connect discovery document, that is until an admin can sign in.
     *
     * @throws KeycloakStartupException when Keycloak exits or the time runs out first; the message ends with
     *                                  the last lines of its log
     */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://localhost:" + managementPort + "/health/ready");
        URI discovery = url().resolve("/realms/master/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (root().isEmpty()) {
                throw new KeycloakStartupException("Keycloak (pid " + pid + ") stopped before it was ready"
                        + exitStatus() + ". The end of " + logFile() + ":\n" + logTail());
            }
            if (answersOk(http, health) && answersOk(http, discovery)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new KeycloakStartupException("Keycloak (pid " + pid + ") was not ready on port " + httpPort
                        + " within " + timeout.toSeconds() + " s; it is still running. The end of " + logFile()
                        + ":\n" + logTail());
            }
            pause();
        }
    }

    /** Stops Keycloak, waiting up to 30 s for a graceful shutdown before killing it. */
    public void stop() {
        stop(DEFAULT_STOP_GRACE);
    }

    /**
     * Sends SIGTERM to every process of this Keycloak (the script, its JVM and any JVM orphaned by an
     * earlier crash of the script), waits up to {@code gracePeriod}, then kills what is left.
     *
     * @throws IllegalStateException when a process survives being killed
     */
    public void stop(Duration gracePeriod) {
        List<ProcessHandle> targets = List.copyOf(processes());
        targets.forEach(ProcessHandle::destroy);
        List<ProcessHandle> remaining = awaitExit(targets, gracePeriod);
        if (!remaining.isEmpty()) {
            remaining.forEach(ProcessHandle::destroyForcibly);
            remaining = awaitExit(remaining, FORCED_STOP_WAIT);
            if (!remaining.isEmpty()) {
                throw new IllegalStateException("Keycloak processes survived SIGKILL: "
                        + remaining.stream().map(ProcessHandle::pid).toList());
            }
        }
        try {
            Files.deleteIfExists(home.resolve(STATE_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak stopped, but " + home.resolve(STATE_FILE) + " remains", e);
        }
    }

    @Override
    public String toString() {
        return "Keycloak[pid=" + pid + ", url=" + url() + ", managementPort=" + managementPort + ", home=" + home + "]";
    }

    private Optional<ProcessHandle> root() {
        if (process != null) {
            // Process.isAlive turns false only once the exit code is collected, which exitStatus() reads.
            return process.isAlive() ? Optional.of(process.toHandle()) : Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isRecordedProcess);
    }

    // A recorded pid may have been reused by an unrelated process since: the start instant tells them apart.
    // The command line alone proved too weak a mark: in CI an attached awaitReady once took a Keycloak that was
    // just finishing its start for gone, presumably over a moment in which /proc showed no arguments. It still
    // recognises the server when the clock was stepped between recording the start instant and reading it.
    private boolean isRecordedProcess(ProcessHandle handle) {
        return started.isPresent() && handle.info().startInstant().equals(started) || runs(distribution, handle);
    }

    private Set<ProcessHandle> processes() {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        root().ifPresent(root -> {
            all.add(root);
            root.descendants().forEach(all::add);
        });
        all.addAll(processesRunning(distribution));
        all.removeIf(handle -> !handle.isAlive());
        return all;
    }

    /** Every process of a distribution, including a JVM orphaned because its kc.sh was killed. */
    private static Set<ProcessHandle> processesRunning(Path distribution) {
        try (Stream<ProcessHandle> everything = ProcessHandle.allProcesses()) {
            return everything.filter(handle -> runs(distribution, handle))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    // kc.sh passes its own folder to the JVM as -Dkc.home.dir=<distribution>/bin/..; the shell itself has
    // the script's path as its first argument.
    private static boolean runs(Path distribution, ProcessHandle candidate) {
        String script = distribution.resolve("bin").resolve("kc.sh").toString();
        String homeDir = "-Dkc.home.dir=" + distribution.resolve("bin") + File.separator + "..";
        return candidate.info().arguments()
                .map(arguments -> Arrays.stream(arguments).anyMatch(a -> a.equals(script) || a.equals(homeDir)))
                .orElse(false);
    }

    private String exitStatus() {
        if (process == null) {
            return "";
        }
        return " with exit code " + process.exitValue();
    }

    private String logTail() {
        try (InputStream in = Files.newInputStream(logFile())) {
            in.skipNBytes(Math.min(logStart, Files.size(logFile())));
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read the log: " + e.getMessage() + ")";
        }
    }

    private void saveState() throws IOException {
        Properties state = new Properties();
        state.setProperty("pid", Long.toString(pid));
        started.ifPresent(instant -> state.setProperty("started", instant.toString()));
        state.setProperty("httpPort", Integer.toString(httpPort));
        state.setProperty("managementPort", Integer.toString(managementPort));
        state.setProperty("distribution", distribution.toString());
        state.setProperty("logStart", Long.toString(logStart));
        try (OutputStream out = Files.newOutputStream(home.resolve(STATE_FILE))) {
            state.store(out, "Keycloak started by org.ecoplan.auth.keycloak.KeycloakRunner");
        }
    }

    private static boolean answersOk(HttpClient http, URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYetListening) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakStartupException("Interrupted while waiting for Keycloak", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakStartupException("Interrupted while waiting for Keycloak", e);
        }
    }

    private static List<ProcessHandle> awaitExit(List<ProcessHandle> processes, Duration timeout) {
        CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            // Reported through the processes that are still alive.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot wait for Keycloak to exit", e);
        }
        return processes.stream().filter(ProcessHandle::isAlive).toList();
    }

    /** Options of a Keycloak to start. */
    public static final class Builder {

        private final Path home;
        private int httpPort = DEFAULT_HTTP_PORT;
        private int managementPort;
        private String adminUsername = LOCAL_ADMIN_USERNAME;
        private String adminPassword = LOCAL_ADMIN_PASSWORD;
        private Path distributionZip;

        private Builder(Path home) {
            this.home = Objects.requireNonNull(home, "home");
        }

        /** Default {@value KeycloakRunner#DEFAULT_HTTP_PORT}. */
        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        /** Default: a free port chosen at start. */
        public Builder managementPort(int port) {
            this.managementPort = port;
            return this;
        }

        /**
         * The master realm's administrator, created at the first start only (Keycloak ignores it once the
         * database has one). Default {@link #LOCAL_ADMIN_USERNAME}/{@link #LOCAL_ADMIN_PASSWORD}.
         */
        public Builder bootstrapAdmin(String username, String password) {
            this.adminUsername = Objects.requireNonNull(username, "username");
            this.adminPassword = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * A Keycloak server zip. Default: the zip system property {@value KeycloakRunner#DISTRIBUTION_PROPERTY}
         * names, else {@code org.keycloak:keycloak-quarkus-dist} in the local Maven repository.
         */
        public Builder distribution(Path zip) {
            this.distributionZip = zip;
            return this;
        }

        /**
         * Unpacks Keycloak if needed and starts it; returns at once, see {@link #awaitReady(Duration)}.
         *
         * @throws IllegalStateException when a Keycloak already runs from this home, a port is taken or the
         *                               distribution cannot be found
         */
        public KeycloakRunner start() {
            try {
                Path homeDirectory = Files.createDirectories(home).toRealPath();
                Path zip = distributionZip != null ? distributionZip
                        : KeycloakDistribution.locate(System.getProperties());
                Path distribution = KeycloakDistribution.unpack(zip, homeDirectory);
                refuseSecondServer(homeDirectory, distribution);
                requireFree(httpPort, "HTTP");
                int management = managementPort > 0 ? requireFree(managementPort, "management") : freePort();

                Path log = homeDirectory.resolve(LOG_FILE);
                long logStart = Files.exists(log) ? Files.size(log) : 0;
                Files.writeString(log, "==== " + Instant.now() + " KeycloakRunner starts Keycloak on port " + httpPort
                        + " ====" + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);

                ProcessBuilder builder = new ProcessBuilder(command(distribution, homeDirectory, management))
                        .directory(homeDirectory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                Map<String, String> environment = builder.environment();
                // The JVM running this code is known to work; kc.sh prefers $JAVA over $JAVA_HOME.
                environment.put("JAVA_HOME", System.getProperty("java.home"));
                environment.remove("JAVA");
                environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUsername);
                environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);

                Process process = builder.start();
                KeycloakRunner runner = new KeycloakRunner(homeDirectory, distribution, httpPort, management,
                        process.pid(), process.info().startInstant(), logStart, process);
                try {
                    runner.saveState();
                } catch (IOException e) {
                    runner.stop(Duration.ZERO);
                    throw e;
                }
                return runner;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start Keycloak in " + home, e);
            }
        }

        private List<String> command(Path distribution, Path homeDirectory, int management) {
            List<String> command = new ArrayList<>();
            setsid().ifPresent(command::add);
            command.add(distribution.resolve("bin").resolve("kc.sh").toString());
            command.add("start-dev");
            command.add("--http-port=" + httpPort);
            command.add("--http-management-port=" + management);
            command.add("--health-enabled=true");
            // The database goes to <home>/data rather than into the distribution, so it survives a new
            // Keycloak version being unpacked beside the old one.
            command.add("--db-url-path=" + homeDirectory);
            command.add("--log-console-color=false");
            return command;
        }

        private static void refuseSecondServer(Path homeDirectory, Path distribution) {
            Set<ProcessHandle> running = attach(homeDirectory).map(KeycloakRunner::processes)
                    .orElseGet(LinkedHashSet::new);
            running.addAll(processesRunning(distribution));
            if (!running.isEmpty()) {
                throw new IllegalStateException("Keycloak already runs from " + homeDirectory + " (pids "
                        + running.stream().map(ProcessHandle::pid).toList() + "); stop it first, since both would "
                        + "open the same database");
            }
        }

        // Its own session keeps Keycloak clear of the terminal's signals once the launcher has exited.
        // Java does not start children as process-group leaders, so setsid execs kc.sh without forking
        // and the pid stays that of the started process.
        private static Optional<String> setsid() {
            return Stream.of(Objects.requireNonNullElse(System.getenv("PATH"), "").split(File.pathSeparator))
                    .filter(directory -> !directory.isEmpty())
                    .map(directory -> Path.of(directory, "setsid"))
                    .filter(Files::isExecutable)
                    .map(Path::toString)
                    .findFirst();
        }

        private static int requireFree(int port, String purpose) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException e) {
                throw new IllegalStateException("Keycloak's " + purpose + " port " + port + " is already in use",
                        e);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
