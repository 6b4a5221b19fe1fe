package org.ecoplan.gateway.limits;

import org.ecoplan.common.web.ProblemDetailWriter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
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
 * Refuses a request body over {@link RequestLimitProperties} with 413 problem+json before any service is called.
 * A body that states its {@code Content-Length} is judged by it at once. A body of unknown length (chunked) is read
 * here first, up to the JSON limit, and forwarded with its length: refused half-way through its forwarding, it
 * would leave the service's pooled connection waiting for the rest, and the next request sent on that connection
 * would hang until the response timeout. Larger bodies must state their length (411). Ahead of security: a body
 * that large is refused whoever sends it, before a token is checked.
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
        boolean json = isJson(request.getHeaders().getContentType());
        long limit = (json ? limits.maxJsonBodySize() : limits.maxBodySize()).toBytes();
        long length = request.getHeaders().getContentLength();
        if (length > limit) {
            return problems.write(exchange, tooLarge(limit));
        }
        if (length >= 0 || !hasBody(request)) {
            return chain.filter(exchange);
        }
        int buffered = (int) limits.maxJsonBodySize().toBytes();
        return DataBufferUtils.join(request.getBody(), buffered)
            .switchIfEmpty(Mono.fromSupplier(() -> DefaultDataBufferFactory.sharedInstance.allocateBuffer(0)))
            .flatMap(body -> chain.filter(exchange.mutate().request(new KnownLength(request, body)).build()))
            .onErrorResume(DataBufferLimitException.class, tooLong -> problems.write(exchange,
                    json ? tooLarge(buffered) : lengthRequired(buffered)));
    }

    /** HTTP/1.1 marks a body by its length or by chunked transfer; without either there is none. */
    private static boolean hasBody(ServerHttpRequest request) {
        return request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    private static boolean isJson(MediaType contentType) {
        return contentType != null && (contentType.isCompatibleWith(MediaType.APPLICATION_JSON)
                || contentType.getSubtype().endsWith("+json"));
    }

    private static ProblemDetail tooLarge(long limit) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + limit + " bytes the platform accepts for its type.");
    }

    private static ProblemDetail lengthRequired(long buffered) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.LENGTH_REQUIRED,
                "A request body of more than " + buffered + " bytes must state its Content-Length.");
    }

    /** A chunked body read whole, forwarded with its length instead of in chunks. */
    private static final class KnownLength extends ServerHttpRequestDecorator {

        private final DataBuffer body;

        private final HttpHeaders headers;

        KnownLength(ServerHttpRequest delegate, DataBuffer body) {
            super(delegate);
            this.body = body;
            this.headers = new HttpHeaders();
            this.headers.putAll(delegate.getHeaders());
            this.headers.remove(HttpHeaders.TRANSFER_ENCODING);
            this.headers.setContentLength(body.readableByteCount());
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.just(body);
        }
    }
}
