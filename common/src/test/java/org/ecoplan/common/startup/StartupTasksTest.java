package org.ecoplan.common.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class StartupTasksTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StartupTasksAutoConfiguration.class));

    @Test
    void tasksRunAtTheSameTime() {
        // The first task finishes only once the second has begun: run one after the other, it would time out.
        Sinks.Empty<Void> secondBegun = Sinks.empty();
        List<String> finished = new CopyOnWriteArrayList<>();
        StartupTask first = () -> secondBegun.asMono().timeout(Duration.ofSeconds(5))
            .then(Mono.fromRunnable(() -> finished.add("first")));
        StartupTask second = () -> Mono.fromRunnable(() -> {
            secondBegun.tryEmitEmpty();
            finished.add("second");
        });

        contexts.withBean("first", StartupTask.class, () -> first)
            .withBean("second", StartupTask.class, () -> second)
            .run(context -> context.getBean(ApplicationRunner.class).run(new DefaultApplicationArguments()));

        assertThat(finished).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void aFailedTaskFailsTheStart() {
        StartupTask broken = () -> Mono.error(new IllegalStateException("index refused"));
        StartupTask throwing = () -> {
            throw new IllegalStateException("seed file unreadable");
        };

        assertThatThrownBy(() -> StartupTasksAutoConfiguration.runTogether(List.of(broken)))
            .hasMessageContaining("index refused");
        assertThatThrownBy(() -> StartupTasksAutoConfiguration.runTogether(List.of(throwing)))
            .hasMessageContaining("seed file unreadable");
    }

    @Test
    void aServiceWithoutTasksStarts() {
        contexts.run(context -> context.getBean(ApplicationRunner.class).run(new DefaultApplicationArguments()));
    }
}
