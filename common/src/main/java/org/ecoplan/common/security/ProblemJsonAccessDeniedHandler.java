package org.ecoplan.common.security;

import org.ecoplan.common.web.ProblemDetailWriter;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers an authenticated caller who lacks the role for a request with 403 and a problem+json body, both for
 * the URL rules and for {@code @PreAuthorize}.
 */
public class ProblemJsonAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final ProblemDetailWriter writer;

    public ProblemJsonAccessDeniedHandler(ProblemDetailWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return writer.write(exchange, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Your account has no role that allows this request."));
    }
}
