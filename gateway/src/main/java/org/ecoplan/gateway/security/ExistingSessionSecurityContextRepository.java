package org.ecoplan.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * The browser's login, kept in its session, looked up only when the request names a session. Spring's repository
 * opens a session for every request that asks who is calling, so each anonymous one (a public page, the public
 * list of emergency plans, a script calling without its token) would create a session just to find it empty: a
 * random id and a hop off the event loop (the MongoDB session repository creates sessions on Reactor's parallel
 * scheduler), though nothing is stored. Saving, at login, opens the session as before.
 */
final class ExistingSessionSecurityContextRepository implements ServerSecurityContextRepository {

    private final ServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

    private final WebSessionIdResolver sessionIds;

    ExistingSessionSecurityContextRepository(WebSessionIdResolver sessionIds) {
        this.sessionIds = sessionIds;
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return sessions.save(exchange, context);
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        return sessionIds.resolveSessionIds(exchange).isEmpty() ? Mono.empty() : sessions.load(exchange);
    }
}
