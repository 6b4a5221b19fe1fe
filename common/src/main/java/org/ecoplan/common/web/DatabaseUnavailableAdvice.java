package org.ecoplan.common.web;

import java.time.Duration;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * MongoDB unreachable (down, restarting, network cut): 503 with {@code Retry-After} instead of a 500, so clients
 * and the gateway's retries know the request may simply be sent again. With no multi-document transactions,
 * each write is one document, so an unreachable database leaves either the whole document or nothing; creating
 * POSTs repeated with their {@code Idempotency-Key} then create exactly once. Spring Data translates the
 * driver's errors to {@link DataAccessResourceFailureException}; the driver's own types cover calls made on the
 * client directly. Separate from {@link ApiExceptionHandler} because these types exist only in services with a
 * database.
 */
@RestControllerAdvice
class DatabaseUnavailableAdvice {

    /** About how long a MongoDB replica set takes to elect a new primary, or a pod to restart. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

    @ExceptionHandler({ DataAccessResourceFailureException.class, MongoTimeoutException.class,
            MongoSocketException.class })
    ResponseEntity<ProblemDetail> handle(Exception ex, ServerWebExchange exchange) {
        // A warning without the stack: the cause is outside this service, and it is answered as intended.
        log.warn("{} {}: MongoDB unreachable: {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), ex.toString());
        ApiProblem problem = ApiProblem.serviceUnavailable(
                "The database cannot be reached at the moment. Please try again later.", RETRY_AFTER);
        ProblemDetailWriter.complete(problem.getBody(), exchange);
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders()).body(problem.getBody());
    }
}
