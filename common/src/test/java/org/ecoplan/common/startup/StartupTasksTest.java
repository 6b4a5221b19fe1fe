package org.ecoplan.common.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
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
            .run(StartupTasksTest::runTheRunner);

        assertThat(finished).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void aTaskStartsWhenItsBeanExistsAndTheRunnerWaitsForItsEnd() {
        Sinks.Empty<Void> release = Sinks.empty();
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean ended = new AtomicBoolean();
        StartupTask task = () -> Mono.fromRunnable(started::countDown)
            .then(release.asMono())
            .doOnSuccess(done -> ended.set(true));

        contexts.withBean("task", StartupTask.class, () -> task).run(context -> {
            assertThat(started.await(5, TimeUnit.SECONDS)).as("started with the context, before any runner").isTrue();
            assertThat(ended).isFalse();
            Mono.delay(Duration.ofMillis(200)).subscribe(tick -> release.tryEmitEmpty());
            runTheRunner(context);
            assertThat(ended).as("ended before the runner returned").isTrue();
        });
    }

    @Test
    void aTaskRunsBesideTheThreadBuildingTheApplication() {
        CompletableFuture<Thread> runner = new CompletableFuture<>();
        StartupTask task = () -> Mono.fromRunnable(() -> runner.complete(Thread.currentThread()));

        contexts.withBean("task", StartupTask.class, () -> task).run(StartupTasksTest::runTheRunner);

        assertThat(runner).isCompletedWithValueMatching(thread -> thread != Thread.currentThread(),
                "another thread than the one that built the application");
    }

    @Test
    void aFailedTaskFailsTheStart() {
        StartupTask broken = () -> Mono.error(new IllegalStateException("index refused"));
        StartupTask throwing = () -> {
            throw new IllegalStateException("seed file unreadable");
        };

        contexts.withBean("broken", StartupTask.class, () -> broken).run(context ->
            assertThatThrownBy(() -> runTheRunner(context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("index refused"));
        contexts.withBean("throwing", StartupTask.class, () -> throwing).run(context ->
            assertThatThrownBy(() -> runTheRunner(context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("seed file unreadable"));
    }

    @Test
    void aStartThatFailsElsewhereStopsTheRunningTasks() {
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean cancelled = new AtomicBoolean();
        StartupTask endless = () -> Mono.never().doOnSubscribe(subscription -> running.countDown())
            .doOnCancel(() -> cancelled.set(true));

        contexts.withBean("endless", StartupTask.class, () -> endless)
            .withBean("broken", String.class, () -> {
                // Fails once the task runs on its worker thread, so that there is a running task to stop.
                awaitQuietly(running);
                throw new IllegalStateException("bean refused");
            })
            .run(context -> assertThat(context).hasFailed());

        assertThat(cancelled).isTrue();
    }

    @Test
    void aServiceWithoutTasksStarts() {
        contexts.run(StartupTasksTest::runTheRunner);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void runTheRunner(ApplicationContext context) throws Exception {
        context.getBean(ApplicationRunner.class).run(new DefaultApplicationArguments());
    }
}
