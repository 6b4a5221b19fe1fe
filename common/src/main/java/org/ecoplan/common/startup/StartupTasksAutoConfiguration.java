package org.ecoplan.common.startup;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Starts each {@link StartupTask} of a service as soon as its bean exists, so that the tasks' MongoDB round trips
 * overlap the rest of the start, and waits in one {@link ApplicationRunner} for any still running. Application
 * runners finish before the application reports ready, so no request meets a half-seeded collection.
 */
@AutoConfiguration
public class StartupTasksAutoConfiguration {

    // Static: a post-processor is created before the beans it sees, without this configuration's instance.
    @Bean
    static RunningStartupTasks runningStartupTasks() {
        return new RunningStartupTasks();
    }

    @Bean
    ApplicationRunner startupTasks(ObjectProvider<StartupTask> tasks, RunningStartupTasks running) {
        return args -> {
            // Creates any task bean not created yet (a lazy one), which starts it.
            tasks.forEach(task -> { });
            running.awaitAll();
        };
    }
}
