package org.ecoplan.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole platform on one machine: embedded MongoDB, Keycloak with the realm provisioned, the
 * three services and the gateway, each a separate process remembered by a pid file. Used by
 * {@code ./platform} and, with other ports and another state folder, by the e2e tests.
 */
public final class Platform {

    private static final Duration MONGO_START = Duration.ofSeconds(30);
    // Five JVMs and Keycloak start at once on a 2-core machine: a minute is usual, three leave room.
    private static final Duration STARTUP = Duration.ofMinutes(4);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final List<String> SPRING_APPS =
            List.of("indicator-service", "project-service", "risk-service", "gateway");
    // Each app's actuator listens this far above its own port, clear of Keycloak's (the gateway's port + 100).
    private static final int MANAGEMENT_PORT_DISTANCE = 200;

    /** One process of the platform, how to tell that it serves, and where it logs. */
    public record Component(String name, String url, Readiness readiness, Path logFile) {
    }

    /** What {@code status} reports of one component. */
    public record ComponentStatus(String name, String url, Optional<Long> pid, boolean ready) {

        public String state() {
            if (pid.isEmpty()) {
                return "STOPPED";
            }
            return ready ? "UP" : "STARTING_OR_DOWN";
        }
    }

    private final PlatformSettings settings;
    private final IdentityServer identity;

    public Platform(PlatformSettings settings) {
        this.settings = settings;
        this.identity = new IdentityServer(settings);
    }

    public PlatformSettings settings() {
        return settings;
    }

    public List<Component> components() {
        var ports = settings.ports();
        List<Component> components = new ArrayList<>();
        if (settings.externalMongoUri().isEmpty()) {
            components.add(new Component("mongodb", "mongodb://127.0.0.1:" + ports.mongo(),
                    Readiness.tcp(ports.mongo()), logFile("mongodb")));
        }
        components.add(new Component("keycloak", settings.keycloakUrl(), identity.readiness(), identity.logFile()));
        for (String app : SPRING_APPS) {
            String url = "http://localhost:" + port(app);
            String readiness = "http://localhost:" + managementPort(app) + "/actuator/health/readiness";
            components.add(new Component(app, url, Readiness.httpOk(readiness), logFile(app)));
        }
        return components;
    }

    private int port(String app) {
        var ports = settings.ports();
        return switch (app) {
            case "indicator-service" -> ports.indicator();
            case "project-service" -> ports.project();
            case "risk-service" -> ports.risk();
            case "gateway" -> ports.gateway();
            default -> throw new IllegalArgumentException("not a platform app: " + app);
        };
    }

    /** The port of the app's actuator: health, info and metrics. */
    public int managementPort(String app) {
        return port(app) + MANAGEMENT_PORT_DISTANCE;
    }

    /** True while any process this platform started is still alive. */
    public boolean isRunning() {
        return components().stream().anyMatch(c -> livePid(c.name()).isPresent());
    }

    /**
     * Starts every component and waits until each is ready. Does nothing but report when the
     * platform already runs. On any failure it stops what it started and rethrows.
     *
     * @return false when the platform was already running
     */
    public boolean up(PrintStream out) {
        if (isRunning()) {
            out.println("EcoPlan is already running; nothing was started.");
            printStatus(out);
            return false;
        }
        components().forEach(c -> PidFile.read(pidFile(c.name())).ifPresent(PidFile::delete));
        try {
            if (settings.externalMongoUri().isEmpty()) {
                startEmbeddedMongo(out);
            } else {
                out.println("Using the MongoDB given by MONGODB_URI.");
            }
            out.println("Starting Keycloak, the services and the gateway ...");
            remember("keycloak", identity.start());
            for (String app : SPRING_APPS) {
                remember(app, startSpringApp(app));
            }
            identity.awaitReady(STARTUP);
            out.println("Provisioning the realm ...");
            identity.provision(out);
            Instant deadline = Instant.now().plus(STARTUP);
            for (Component component : components()) {
                awaitReady(component, deadline);
                out.printf("  %-18s ready  %s%n", component.name(), component.url());
            }
            return true;
        } catch (RuntimeException e) {
            out.println("Start-up failed; stopping what was started.");
            down(out);
            throw e;
        }
    }

    private void startEmbeddedMongo(PrintStream out) {
        out.println("Starting the embedded MongoDB ...");
        Path classpathFile = settings.root().resolve("e2e/target/classpath.txt");
        String classpath = read(classpathFile).trim();
        remember("mongodb", ServiceProcess.start(List.of(
                        "-Xmx256m", "-XX:+UseSerialGC",
                        "-cp", classpath,
                        "org.ecoplan.common.mongo.EmbeddedMongoMain",
                        "--port", Integer.toString(settings.ports().mongo()),
                        "--data", settings.stateDir().resolve("data").toString()),
                settings.stateDir(), logFile("mongodb")));
        awaitReady(component("mongodb"), Instant.now().plus(MONGO_START));
    }

    private ProcessHandle startSpringApp(String app) {
        var ports = settings.ports();
        List<String> arguments = new ArrayList<>(List.of(
                // Small heaps and C1 only: five JVMs share two cores and start faster without C2.
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                // As the images run: the bean definitions the build's AOT processing generated, which assume the
                // actuator on a port of its own (README, design notes). Without them the app refuses to start.
                "-Dspring.aot.enabled=true",
                "-jar", executableJar(app).toString(),
                "--spring.profiles.active=local",
                "--server.port=" + port(app),
                "--management.server.port=" + managementPort(app),
                "--ecoplan.keycloak.url=" + settings.keycloakUrl()));
        if (app.equals("gateway")) {
            arguments.addAll(List.of(
                    "--ecoplan.routes.indicator=http://localhost:" + ports.indicator(),
                    "--ecoplan.routes.project=http://localhost:" + ports.project(),
                    "--ecoplan.routes.risk=http://localhost:" + ports.risk()));
        }
        // The gateway's database holds its browser sessions.
        String database = settings.databasePrefix()
                + (app.equals("gateway") ? app : app.substring(0, app.indexOf('-')));
        String uri = settings.externalMongoUri().orElse("mongodb://127.0.0.1:" + ports.mongo());
        arguments.add("--spring.mongodb.uri=" + MongoUri.withDatabase(uri, database));
        if (app.equals("project-service")) {
            // The portfolio's plan totals: the default URL names port 8081, which the offset ports move.
            arguments.add("--ecoplan.indicator-service.url=http://localhost:" + ports.indicator());
        }
        return ServiceProcess.start(arguments, settings.stateDir(), logFile(app));
    }

    /** The Spring Boot executable jar the build left in the module's target folder. */
    public Path executableJar(String module) {
        Path target = settings.root().resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().startsWith(module + "-"))
                    .filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no jar in " + target + ": build first (./mvnw -DskipTests package)"));
        } catch (IOException e) {
            throw new IllegalStateException("no " + target + ": build first (./mvnw -DskipTests package)", e);
        }
    }

    private void awaitReady(Component component, Instant deadline) {
        while (!component.readiness().isReady()) {
            if (livePid(component.name()).isEmpty()) {
                throw new IllegalStateException(component.name() + " exited during start-up:\n"
                        + logTail(component.name()));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(component.name() + " was not ready in time:\n"
                        + logTail(component.name()));
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /**
     * Kills one of the Spring apps as a crash would: SIGKILL, so no shutdown hook, graceful shutdown or
     * half-finished request gets to complete. For the fault tests; {@link #start(String)} brings it back.
     */
    public void kill(String app) {
        port(app);
        ProcessHandle process = PidFile.read(pidFile(app)).flatMap(PidFile::liveProcess)
                .orElseThrow(() -> new IllegalStateException(app + " is not running"));
        process.destroyForcibly();
        try {
            process.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(app + " (pid " + process.pid() + ") outlived SIGKILL", e);
        }
        PidFile.read(pidFile(app)).ifPresent(PidFile::delete);
    }

    /** Starts one of the Spring apps that is not running, with the arguments of {@link #up}, and waits until ready. */
    public void start(String app) {
        port(app);
        if (livePid(app).isPresent()) {
            throw new IllegalStateException(app + " is already running");
        }
        remember(app, startSpringApp(app));
        awaitReady(component(app), Instant.now().plus(STARTUP));
    }

    /** Stops exactly the processes this platform's pid files name, the last started first. */
    public void down(PrintStream out) {
        List<Component> reversed = new ArrayList<>(components());
        Collections.reverse(reversed);
        for (Component component : reversed) {
            Optional<PidFile> pidFile = PidFile.read(pidFile(component.name()));
            if (pidFile.isEmpty()) {
                continue;
            }
            pidFile.get().liveProcess().ifPresent(process -> {
                out.printf("  stopping %-18s (pid %d)%n", component.name(), process.pid());
                if (component.name().equals("keycloak")) {
                    identity.stop();
                } else {
                    stop(process);
                }
            });
            pidFile.get().delete();
        }
    }

    /**
     * Stops one Spring application of the running platform and starts it again, as a rolling update or a
     * rescheduled pod would, and waits until it is ready again.
     */
    public void restartApp(String app, PrintStream out) {
        port(app);
        PidFile.read(pidFile(app)).flatMap(PidFile::liveProcess).ifPresent(process -> {
            out.printf("  stopping %-18s (pid %d)%n", app, process.pid());
            stop(process);
        });
        start(app);
        out.printf("  %-18s ready  %s%n", app, component(app).url());
    }

    /** SIGTERM to the process and its descendants, then SIGKILL to whatever outlives the grace period. */
    static void stop(ProcessHandle process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_GRACE);
        Stream.concat(Stream.of(process), descendants.stream()).forEach(handle -> {
            Duration left = Duration.between(Instant.now(), deadline);
            try {
                handle.onExit().get(Math.max(left.toMillis(), 1), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        });
    }

    public List<ComponentStatus> status() {
        return components().stream()
                .map(c -> {
                    Optional<Long> pid = livePid(c.name());
                    return new ComponentStatus(c.name(), c.url(), pid, pid.isPresent() && c.readiness().isReady());
                })
                .toList();
    }

    public void printStatus(PrintStream out) {
        for (ComponentStatus status : status()) {
            out.printf("  %-18s %-17s %-8s %s%n", status.name(), status.state(),
                    status.pid().map(String::valueOf).orElse("-"), status.url());
        }
    }

    private Path logFile(String component) {
        return settings.logDir().resolve(component + ".log");
    }

    private Component component(String name) {
        return components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private Optional<Long> livePid(String component) {
        return PidFile.read(pidFile(component)).flatMap(PidFile::liveProcess).map(ProcessHandle::pid);
    }

    private void remember(String component, ProcessHandle process) {
        PidFile.write(pidFile(component), process);
    }

    private Path pidFile(String component) {
        return settings.runDir().resolve(component + ".pid");
    }

    private String logTail(String component) {
        Path log = component(component).logFile();
        if (!Files.isRegularFile(log)) {
            return "(no log at " + log + ")";
        }
        List<String> lines = read(log).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
