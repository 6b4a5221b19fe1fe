package org.ecoplan.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class PlainFilterChainDecoratorTest {

    private final List<String> ran = new CopyOnWriteArrayList<>();

    private final ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/x"));

    private final WebFilterChain handler = exchange -> Mono.fromRunnable(() -> ran.add("handler"));

    @Test
    void theFiltersRunInTurnAndThenTheChainTheyGuard() {
        WebFilterChain chain = new PlainFilterChainDecorator().decorate(handler,
                List.of(passing("first"), passing("second")));

        StepVerifier.create(chain.filter(exchange)).verifyComplete();

        assertThat(ran).containsExactly("first", "second", "handler");
    }

    @Test
    void aFilterThatAnswersItselfEndsTheChain() {
        WebFilter refusing = (exchange, next) -> Mono.fromRunnable(() -> ran.add("refused"));
        WebFilterChain chain = new PlainFilterChainDecorator().decorate(handler,
                List.of(passing("first"), refusing, passing("never")));

        StepVerifier.create(chain.filter(exchange)).verifyComplete();

        assertThat(ran).containsExactly("first", "refused");
    }

    @Test
    void nothingRunsBeforeSubscriptionAndAThrowingFilterFailsTheMono() {
        WebFilter throwing = (exchange, next) -> {
            throw new IllegalStateException("filter broke");
        };
        Mono<Void> filtered = new PlainFilterChainDecorator().decorate(handler, List.of(passing("first"), throwing))
            .filter(exchange);

        assertThat(ran).isEmpty();
        StepVerifier.create(filtered).verifyErrorMessage("filter broke");
        assertThat(ran).containsExactly("first");
    }

    @Test
    void withoutFiltersTheGuardedChainRunsAlone() {
        PlainFilterChainDecorator decorator = new PlainFilterChainDecorator();

        StepVerifier.create(decorator.decorate(handler, List.of()).filter(exchange)).verifyComplete();
        assertThat(decorator.decorate(handler)).isSameAs(handler);

        assertThat(ran).containsExactly("handler");
    }

    private WebFilter passing(String name) {
        return (exchange, next) -> {
            ran.add(name);
            return next.filter(exchange);
        };
    }
}
