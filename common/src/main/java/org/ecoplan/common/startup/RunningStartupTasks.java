package org.ecoplan.common.startup;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import reactor.core.publisher.Mono;

/**
 * The {@link StartupTask}s started so far: each starts when its bean has been initialized, on the threads of its
 * own work (MongoDB's driver), so that its round trips overlap the rest of the start instead of following it.
 */
final class RunningStartupTasks implements BeanPostProcessor, DisposableBean {

    private final List<CompletableFuture<?>> running = new CopyOnWriteArrayList<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof StartupTask task) {
            running.add(Mono.defer(task::run).toFuture());
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
