package org.ecoplan.common.startup;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Mono;

/**
 * Runs the {@link StartupTask}s of a service together, in one {@link ApplicationRunner}, so that the start waits
 * for the slowest task's MongoDB round trips rather than for all of them in turn. Application runners finish
 * before the application reports ready, so no request meets a half-seeded collection.
 */
@AutoConfiguration
public class StartupTasksAutoConfiguration {

    @Bean
    ApplicationRunner startupTasks(ObjectProvider<StartupTask> tasks) {
        return args -> runTogether(tasks.stream().toList());
    }

    static void runTogether(List<StartupTask> tasks) {
        // Runners run on the main thread, never an event loop, and the start must not go on before the tasks end.
        Mono.when(tasks.stream().map(task -> Mono.defer(task::run)).toList()).block();
    }
}
