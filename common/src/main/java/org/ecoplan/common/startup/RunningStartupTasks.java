package org.ecoplan.common.startup;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The {@link StartupTask}s started so far: each starts when its bean has been initialized, so that its round trips
 * overlap the rest of the start instead of following it. It is subscribed to on a worker thread, not on the one
 * building the application: a task's first steps (its queries built, the driver's first operations set up) took
 * that thread about 75 ms of indicator-service's start (CPU profile), which now runs beside it.
 */
final class RunningStartupTasks implements BeanPostProcessor, DisposableBean {

    private final List<CompletableFuture<?>> running = new CopyOnWriteArrayList<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof StartupTask task) {
            running.add(Mono.defer(task::run).subscribeOn(Schedulers.boundedElastic()).toFuture());
        }
        return bean;
    }

    /** Waits until every task started has ended, then throws a task's failure, if any, which fails the start. */
    void awaitAll() {
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        }
        catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /** A start that failed elsewhere leaves no task writing on behind it. */
    @Override
    public void destroy() {
        running.forEach(task -> task.cancel(true));
    }
}
