package org.ecoplan.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;

import org.ecoplan.common.web.ProblemDetailWriter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses a request body over {@link RequestLimitProperties} with 413 problem+json before anything else reads it:
 * by its {@code Content-Length} at once, and a chunked body once it has grown beyond the limit, so that no
 * service is sent more than the limit either way. Ahead of security: a body that large is refused whoever sends it,
 * before a token is checked.
 */
@Component
class RequestSizeWebFilter implements WebFilter, Ordered {

    private final RequestLimitProperties limits;

    private final ProblemDetailWriter problems;

    RequestSizeWebFilter(RequestLimitProperties limits, ServerCodecConfigurer codecs) {
        this.limits = limits;
        this.problems = new ProblemDetailWriter(codecs);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = limitFor(request.getHeaders().getContentType());
        long length = request.getHeaders().getContentLength();
        if (length > limit) {
            return problems.write(exchange, tooLarge(limit));
        }
        if (length >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new LimitedBody(request, limit)).build());
    }

    private long limitFor(MediaType contentType) {
        boolean json = contentType != null && (contentType.isCompatibleWith(MediaType.APPLICATION_JSON)
                || contentType.getSubtype().endsWith("+json"));
        return (json ? limits.maxJsonBodySize() : limits.maxBodySize()).toBytes();
    }

    private static ProblemDetail tooLarge(long limit) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + limit + " bytes the platform accepts for its type.");
    }

    /** A chunked body that fails with 413 once it passes the limit. */
    private static final class LimitedBody extends ServerHttpRequestDecorator {

        private final long limit;

        LimitedBody(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong read = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (read.addAndGet(buffer.readableByteCount()) > limit) {
                    DataBufferUtils.release(buffer);
                    // ApiErrorWebExceptionHandler answers it 413 while the response is not yet under way.
                    sink.error(new DataBufferLimitException("The request body is larger than " + limit + " bytes"));
                }
                else {
                    sink.next(buffer);
                }
            });
        }
    }
}
