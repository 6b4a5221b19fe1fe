package org.ecoplan.common.web;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import reactor.core.publisher.Mono;

/**
 * Someone else's change reached MongoDB between this request's read and its version-checked write: the
 * client's {@code If-Match} was current when checked but is stale now, so the answer is the same 412.
 * Separate from {@link ApiExceptionHandler} because Spring Data's exception types exist only in services
 * with a database (the gateway has none).
 */
@RestControllerAdvice
class OptimisticLockingAdvice {

    @ExceptionHandler(OptimisticLockingFailureException.class)
    Mono<Void> handle(OptimisticLockingFailureException ex) {
        return Mono.error(ApiProblem.preconditionFailed(ETags.STALE_DETAIL));
    }
}
