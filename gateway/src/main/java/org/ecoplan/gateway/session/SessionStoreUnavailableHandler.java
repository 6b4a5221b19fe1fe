package org.ecoplan.gateway.session;

import java.time.Duration;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.ecoplan.common.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * A browser request while MongoDB, and with it every session, is out of reach: 503 problem+json with
 * {@code Retry-After} the portal can show and retry, instead of a 500. Bearer-token calls are unaffected, as
 * they never load a session. The session is loaded by the security filters, before any controller, so common's
 * controller advice never sees this; ordered ahead of common's last-resort handler (-2), which writes the
 * problem this hands on.
 */
@Component
@Order(-3)
class SessionStoreUnavailableHandler implements WebExceptionHandler {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(SessionStoreUnavailableHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (!storeUnreachable(ex)) {
            return Mono.error(ex);
        }
        log.warn("{} {}: session store unreachable: {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), ex.toString());
        return Mono.error(ApiProblem.serviceUnavailable(
                "Your session cannot be reached at the moment. Please try again shortly.", RETRY_AFTER));
    }

    private static boolean storeUnreachable(Throwable ex) {
        return ex instanceof DataAccessResourceFailureException || ex instanceof MongoTimeoutException
                || ex instanceof MongoSocketException;
    }
}
