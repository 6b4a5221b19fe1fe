package org.ecoplan.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.ecoplan.common.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientRequestWindowsTest {

    private final TestClock clock = new TestClock();

    /** Three requests per 10 s; each row: requests sent at the start of the window, wait after the last. */
    @ParameterizedTest(name = "request {0} after {1} ms")
    @CsvSource({
            "1, 0,     ",
            "3, 0,     ",
            "4, 0,     10000",
            "4, 2500,  7500",
            "4, 9999,  1",
            "5, 9999,  1" })
    void requestsBeyondTheLimitWaitForTheWindowsEnd(int requests, long afterMillis, Long waitMillis) {
        ClientRequestWindows windows = windows(3, 10_000);
        windows.admit("integrator");
        clock.advance(Duration.ofMillis(afterMillis));
        Optional<Duration> last = Optional.empty();
        for (int request = 2; request <= requests; request++) {
            last = windows.admit("integrator");
        }
        assertThat(last.map(Duration::toMillis)).isEqualTo(Optional.ofNullable(waitMillis));
    }

    @Test
    void aNewWindowStartsOnceTheOldOneIsOver() {
        ClientRequestWindows windows = windows(1, 1_000);
        assertThat(windows.admit("integrator")).isEmpty();
        assertThat(windows.admit("integrator")).isPresent();
        clock.advance(Duration.ofMillis(1_000));
        assertThat(windows.admit("integrator")).isEmpty();
    }

    @Test
    void clientsAreCountedApart() {
        ClientRequestWindows windows = windows(1, 1_000);
        assertThat(windows.admit("integrator")).isEmpty();
        assertThat(windows.admit("env-editor")).isEmpty();
        assertThat(windows.admit("integrator")).isPresent();
    }

    @Test
    void windowsThatAreOverAreForgottenOnceTheLimitOfClientsIsReached() {
        ClientRequestWindows windows = new ClientRequestWindows(
                new ResilienceProperties.RateLimit(1, Duration.ofSeconds(1), 2), clock);
        windows.admit("a");
        windows.admit("b");
        clock.advance(Duration.ofSeconds(1));
        windows.admit("c");
        assertThat(windows.trackedClients()).isEqualTo(1);
    }

    private ClientRequestWindows windows(int requests, long periodMillis) {
        return new ClientRequestWindows(
                new ResilienceProperties.RateLimit(requests, Duration.ofMillis(periodMillis), 10_000), clock);
    }
}
