package org.ecoplan.gateway.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts each client's requests in fixed windows and refuses those beyond the limit at once, telling how long
 * until the client's window ends. Refusing rather than queueing keeps a looping integrator from holding
 * connections and memory. Kept in memory per gateway replica: with n replicas a client gets at most n times the
 * limit, which still stops a runaway loop.
 */
final class ClientRequestWindows {

    private final int requestsPerPeriod;

    private final Duration period;

    private final int maxClients;

    private final Clock clock;

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    ClientRequestWindows(ResilienceProperties.RateLimit limit, Clock clock) {
        this.requestsPerPeriod = limit.requestsPerPeriod();
        this.period = limit.period();
        this.maxClients = limit.maxClients();
        this.clock = clock;
    }

    /** Empty if the request may pass; otherwise how long the client must wait. */
    Optional<Duration> admit(String client) {
        Instant now = clock.instant();
        if (windows.size() >= maxClients && !windows.containsKey(client)) {
            windows.values().removeIf(window -> !window.end.isAfter(now));
        }
        Window window = windows.compute(client,
                (key, current) -> current == null || !current.end.isAfter(now) ? new Window(now.plus(period), 1)
                        : new Window(current.end, current.requests + 1));
        return window.requests <= requestsPerPeriod ? Optional.empty()
                : Optional.of(Duration.between(now, window.end));
    }

    int trackedClients() {
        return windows.size();
    }

    private record Window(Instant end, int requests) {
    }
}
