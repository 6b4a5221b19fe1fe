package org.ecoplan.common.web;

import java.net.URI;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Hints;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a {@link ProblemDetail} as {@code application/problem+json} where no controller is involved (security
 * entry points, the last-resort exception handler). It goes through the application's own codecs, so these
 * bodies look exactly like those the controller advice writes.
 */
public class ProblemDetailWriter {

    private static final URI BLANK_TYPE = URI.create("about:blank");

    private static final ResolvableType PROBLEM_TYPE = ResolvableType.forClass(ProblemDetail.class);

    private final HttpMessageWriter<?> writer;

    public ProblemDetailWriter(ServerCodecConfigurer codecs) {
        this.writer = codecs.getWriters()
            .stream()
            .filter(candidate -> candidate.canWrite(PROBLEM_TYPE, MediaType.APPLICATION_PROBLEM_JSON))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("No codec writes application/problem+json"));
    }

    /** Sets the status from the problem, {@linkplain #complete completes} it and writes it. */
    @SuppressWarnings("unchecked")
    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        complete(problem, exchange);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> hints = Hints.from(Hints.LOG_PREFIX_HINT, exchange.getLogPrefix());
        return ((HttpMessageWriter<ProblemDetail>) writer).write(Mono.just(problem), PROBLEM_TYPE,
                MediaType.APPLICATION_PROBLEM_JSON, response, hints);
    }

    /**
     * Fills what the problem leaves out, so every EcoPlan error body has the same members: {@code type}
     * {@code about:blank} (Spring omits it, which RFC 9457 reads the same, but clients should not need to know),
     * {@code instance} the request path, {@code detail} the title.
     */
    static void complete(ProblemDetail problem, ServerWebExchange exchange) {
        if (problem.getType() == null) {
            problem.setType(BLANK_TYPE);
        }
        if (problem.getInstance() == null) {
            problem.setInstance(instance(exchange));
        }
        if (problem.getDetail() == null) {
            problem.setDetail(problem.getTitle());
        }
    }

    /** Null if the raw path is no valid URI, which a lenient HTTP parser might let through. */
    private static URI instance(ServerWebExchange exchange) {
        try {
            return URI.create(exchange.getRequest().getPath().value());
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
