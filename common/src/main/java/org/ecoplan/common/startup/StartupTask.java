package org.ecoplan.common.startup;

import reactor.core.publisher.Mono;

/**
 * Work a service does on every start before readiness reports UP: loading seed tables, creating indexes,
 * finishing what a crash cut short. The tasks of a service run at the same time, each one's work as one
 * {@link Mono}: what must happen in order belongs inside one task. A task starts as soon as its bean exists, while
 * the rest of the application is still being built, so it uses only what it was given at construction.
 */
@FunctionalInterface
public interface StartupTask {

    /** The task's work, done on subscription; an error fails the start. */
    Mono<?> run();
}
