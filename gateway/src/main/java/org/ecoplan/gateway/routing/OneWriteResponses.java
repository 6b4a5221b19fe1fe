package org.ecoplan.gateway.routing;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Passes a service's answer of known, modest length on to the client in one write. Spring Cloud Gateway streams
 * every answer as it arrives, so Reactor Netty sends its headers and its body apart: two system calls and two
 * TCP segments for what one carries, on every proxied request. An answer whose whole body is at hand goes out
 * with its headers at once. Answers without a length (streamed, chunked) or longer than {@link #MAX_BYTES} still
 * stream, so neither a download nor an event stream waits for its end.
 */
@Component
class OneWriteResponses implements GlobalFilter, Ordered {

    /**
     * Most of the API's JSON answers. Beyond it one call saved is little beside sending that many bytes, while
     * every answer held whole keeps its memory until written, once per answer in flight.
     */
    static final int MAX_BYTES = 32 * 1024;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange.mutate().response(new WholeBody(exchange.getResponse())).build());
    }

    /** Ahead of the filter that writes the service's answer, which then writes through this one's response. */
    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    private static final class WholeBody extends ServerHttpResponseDecorator {

        WholeBody(ServerHttpResponse response) {
            super(response);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            long length = getHeaders().getContentLength();
            if (body instanceof Mono || length < 0 || length > MAX_BYTES) {
                return super.writeWith(body);
            }
            return super.writeWith(DataBufferUtils.join(body));
        }
    }
}
