package org.ecoplan.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.mock.web.server.MockWebSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.session.CookieWebSessionIdResolver;

class ExistingSessionSecurityContextRepositoryTest {

    private final ExistingSessionSecurityContextRepository repository = new ExistingSessionSecurityContextRepository(
            new CookieWebSessionIdResolver());

    private final MockWebSession session = new MockWebSession();

    private final AtomicInteger sessionsOpened = new AtomicInteger();

    private final SecurityContext login = new SecurityContextImpl(
            new TestingAuthenticationToken("land-editor", null, "ROLE_bureau-editor"));

    private MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.builder(request.build())
            .sessionManager(exchange -> Mono.fromSupplier(() -> {
                sessionsOpened.incrementAndGet();
                return session;
            }))
            .build();
    }

    @Test
    void requestWithoutSessionCookieIsAnonymousWithoutOpeningASession() {
        session.getAttributes()
            .put(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME, login);

        SecurityContext loaded = repository.load(exchange(MockServerHttpRequest.get("/api/v1/me"))).block();

        assertThat(loaded).isNull();
        assertThat(sessionsOpened).hasValue(0);
    }

    @Test
    void requestNamingASessionGetsTheLoginKeptThere() {
        session.getAttributes()
            .put(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME, login);

        SecurityContext loaded = repository
            .load(exchange(MockServerHttpRequest.get("/api/v1/me").cookie(new HttpCookie("SESSION", session.getId()))))
            .block();

        assertThat(loaded).isSameAs(login);
    }

    @Test
    void loginIsKeptInASessionOpenedForIt() {
        repository.save(exchange(MockServerHttpRequest.get("/login/oauth2/code/keycloak")), login).block();

        assertThat(sessionsOpened).hasValue(1);
        assertThat(session.<SecurityContext>getAttribute(
                WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME))
            .isSameAs(login);
    }
}
