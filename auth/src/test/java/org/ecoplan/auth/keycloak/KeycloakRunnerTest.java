package org.ecoplan.auth.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's process handling, with a stand-in kc.sh; RealmProvisioningIT starts the real Keycloak. */
class KeycloakRunnerTest {

    @TempDir
    Path directory;

    private KeycloakRunner runner;

    @AfterEach
    void stopLeftovers() {
        KeycloakRunner.attach(directory.resolve("home")).ifPresent(leftover -> leftover.stop(Duration.ZERO));
    }

    private KeycloakRunner.Builder builder(String script) throws Exception {
        return KeycloakRunner.builder(directory.resolve("home"))
                .distribution(FakeDistribution.zip(directory, script))
                .httpPort(freePort());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The JVM kc.sh starts as its child, once it runs. */
    private static ProcessHandle awaitServerJvm(KeycloakRunner runner) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> ProcessHandle.of(runner.pid()).orElseThrow()
                .descendants()
                .filter(child -> child.info().command().map(command -> command.endsWith("java")).orElse(false))
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    /** The moment kc.sh has replaced itself with the program it runs. */
    private static void awaitExec(KeycloakRunner runner) {
        await().atMost(Duration.ofSeconds(20)).until(() -> ProcessHandle.of(runner.pid())
                .flatMap(process -> process.info().command()).filter(command -> command.endsWith("sleep")).isPresent());
    }

    @Test
    void startsKcShInDevModeWithPortsDatabaseBootstrapAdminAndThisJava() throws Exception {
        runner = builder(FakeDistribution.SERVER_SCRIPT).bootstrapAdmin("root", "s3cret").start();
        awaitServerJvm(runner);

        Path home = directory.resolve("home").toRealPath();
        assertThat(runner.logFile()).content()
                .contains("fake Keycloak: start-dev --http-port=" + runner.httpPort() + " --http-management-port="
                        + runner.managementPort() + " --health-enabled=true --db-url-path=" + home
                        + " --log-console-color=false")
                .contains("bootstrap admin: root/s3cret")
                .contains("java home: " + System.getProperty("java.home"));
        assertThat(runner.managementPort()).isNotIn(9000, runner.httpPort());
        assertThat(runner.url()).hasToString("http://localhost:" + runner.httpPort());
    }

    @Test
    void stopEndsTheScriptAndItsJvm() throws Exception {
        runner = builder(FakeDistribution.SERVER_SCRIPT).start();
        ProcessHandle script = ProcessHandle.of(runner.pid()).orElseThrow();
        ProcessHandle jvm = awaitServerJvm(runner);
        assertThat(runner.isAlive()).isTrue();

        runner.stop(Duration.ofSeconds(10));

        assertThat(script.isAlive()).isFalse();
        assertThat(jvm.isAlive()).isFalse();
        assertThat(runner.isAlive()).isFalse();
        assertThat(KeycloakRunner.attach(directory.resolve("home"))).isEmpty();
    }

    @Test
    void anotherJvmFindsTheServerThroughItsHomeAndStopsItEvenIfTheScriptWasKilled() throws Exception {
        runner = builder(FakeDistribution.SERVER_SCRIPT).start();
        ProcessHandle jvm = awaitServerJvm(runner);
        ProcessHandle script = ProcessHandle.of(runner.pid()).orElseThrow();
        script.destroyForcibly();
        script.onExit().get();

        KeycloakRunner attached = KeycloakRunner.attach(directory.resolve("home")).orElseThrow();
        assertThat(attached.pid()).isEqualTo(runner.pid());
        assertThat(attached.httpPort()).isEqualTo(runner.httpPort());
        assertThat(attached.isAlive()).as("the orphaned JVM still runs").isTrue();

        attached.stop(Duration.ofSeconds(10));

        assertThat(jvm.isAlive()).isFalse();
    }

    @Test
    void anotherJvmRecognisesTheServerByItsStartInstantWhateverItsCommandLineShows() throws Exception {
        runner = builder(FakeDistribution.EXEC_SCRIPT).start();
        awaitExec(runner);

        KeycloakRunner attached = KeycloakRunner.attach(directory.resolve("home")).orElseThrow();

        assertThat(attached.isAlive()).isTrue();
        assertThatThrownBy(() -> attached.awaitReady(Duration.ofSeconds(1)))
                .hasMessageContaining("was not ready on port " + runner.httpPort() + " within 1 s")
                .hasMessageContaining("it is still running");
    }

    @Test
    void aRecordedPidReusedByAnotherProgramIsNotTakenForTheServer() throws Exception {
        runner = builder(FakeDistribution.EXEC_SCRIPT).start();
        awaitExec(runner);
        Path stateFile = directory.resolve("home").resolve("keycloak.properties");
        Properties state = new Properties();
        try (InputStream in = Files.newInputStream(stateFile)) {
            state.load(in);
        }
        state.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        try (OutputStream out = Files.newOutputStream(stateFile)) {
            state.store(out, null);
        }

        KeycloakRunner attached = KeycloakRunner.attach(directory.resolve("home")).orElseThrow();

        assertThat(attached.isAlive()).as("this test's JVM, started at another instant").isFalse();
        runner.stop(Duration.ZERO);
    }

    @Test
    void aSecondServerFromTheSameHomeIsRefused() throws Exception {
        runner = builder(FakeDistribution.SERVER_SCRIPT).start();

        assertThatThrownBy(() -> builder(FakeDistribution.SERVER_SCRIPT).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Keycloak already runs from " + directory.resolve("home").toRealPath());
    }

    @Test
    void aTakenPortIsRefusedBeforeStarting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> builder(FakeDistribution.SERVER_SCRIPT).httpPort(taken.getLocalPort()).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Keycloak's HTTP port " + taken.getLocalPort() + " is already in use");
        }
        assertThat(KeycloakRunner.attach(directory.resolve("home"))).isEmpty();
    }

    @Test
    void awaitReadyReportsAnEarlyExitWithTheLogTail() throws Exception {
        runner = builder(FakeDistribution.FAILING_SCRIPT).start();

        assertThatThrownBy(() -> runner.awaitReady(Duration.ofSeconds(20)))
                .isInstanceOf(KeycloakStartupException.class)
                .hasMessageContaining("stopped before it was ready with exit code 1")
                .hasMessageContaining("Port(s) already bound");
    }

    @Test
    void awaitReadyGivesUpAfterTheTimeoutAndShowsTheLogTail() throws Exception {
        runner = builder(FakeDistribution.SERVER_SCRIPT).start();
        awaitServerJvm(runner);

        assertThatThrownBy(() -> runner.awaitReady(Duration.ofSeconds(1)))
                .isInstanceOf(KeycloakStartupException.class)
                .hasMessageContaining("was not ready on port " + runner.httpPort() + " within 1 s")
                .hasMessageContaining("fake Keycloak: start-dev");
        assertThat(runner.isAlive()).isTrue();
    }

    @Test
    void theLogTailShowsOnlyTheCurrentRun() throws Exception {
        Path home = Files.createDirectories(directory.resolve("home"));
        Files.writeString(home.resolve("keycloak.log"), "output of an earlier run\n");
        runner = builder(FakeDistribution.FAILING_SCRIPT).start();

        assertThatThrownBy(() -> runner.awaitReady(Duration.ofSeconds(20)))
                .hasMessageNotContaining("earlier run")
                .hasMessageContaining("KeycloakRunner starts Keycloak on port " + runner.httpPort());
        assertThat(runner.logFile()).content().startsWith("output of an earlier run");
    }
}
