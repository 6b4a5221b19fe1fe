package org.ecoplan.common.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * The last stop for an exception nobody handled: thrown in a web filter, or by a handler for a reason
 * {@link ApiExceptionHandler} does not know. Replaces Boot's default error handler, whose JSON is not
 * problem+json. Unexpected exceptions become a 500 whose body says nothing about the cause; the cause goes to
 * the log.
 */
public class ApiErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorWebExceptionHandler.class);

    private final ProblemDetailWriter writer;

    public ApiErrorWebExceptionHandler(ProblemDetailWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            // Headers are gone, so no problem body can follow; let the server reset the connection.
            return Mono.error(ex);
        }
        ProblemDetail problem = problemFor(ex);
        if (problem.getStatus() >= 500) {
            log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        }
        if (ex instanceof ErrorResponse response) {
            exchange.getResponse().getHeaders().putAll(response.getHeaders());
        }
        return writer.write(exchange, problem);
    }

    private static ProblemDetail problemFor(Throwable ex) {
        if (ex instanceof ErrorResponse response) {
            // Written for clients by whoever threw it, like the bodies the controller advice renders.
            return response.getBody();
        }
        if (ex instanceof DecodingException) {
            // A body that broke a reader's limit (too many multipart parts, a part's headers too large) while a
            // handler consumed it: the client's fault. The reader's message names Java types at times; say less.
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The request body could not be read: it is malformed or exceeds this service's limits.");
        }
        if (ex instanceof DataBufferLimitException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than this service accepts.");
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred. It has been logged.");
    }
}
