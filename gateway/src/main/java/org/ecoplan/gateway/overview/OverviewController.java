package org.ecoplan.gateway.overview;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET /api/v1/overview}: the portal's start page in one request, from the three services' summaries.
 * The gateway only collects; each service decides with the caller's own token what the caller may see.
 */
@RestController
class OverviewController {

    static final String PATH = "/api/v1/overview";

    private final ServiceSummaries summaries;

    private final ObjectProvider<ReactiveOAuth2AuthorizedClientManager> sessionTokens;

    OverviewController(ServiceSummaries summaries,
            ObjectProvider<ReactiveOAuth2AuthorizedClientManager> sessionTokens) {
        this.summaries = summaries;
        this.sessionTokens = sessionTokens;
    }

    @GetMapping(PATH)
    Mono<Map<String, Object>> overview(Authentication caller, ServerWebExchange exchange) {
        return accessToken(caller, exchange).flatMap(summaries::collect);
    }

    /** An integrator's bearer token as sent, or the access token kept in a browser's session (refreshed). */
    private Mono<String> accessToken(Authentication caller, ServerWebExchange exchange) {
        if (caller instanceof AbstractOAuth2TokenAuthenticationToken<?> bearer) {
            return Mono.just(bearer.getToken().getTokenValue());
        }
        if (caller instanceof OAuth2AuthenticationToken session) {
            OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest
                .withClientRegistrationId(session.getAuthorizedClientRegistrationId())
                .principal(session)
                .attribute(ServerWebExchange.class.getName(), exchange)
                .build();
            return sessionTokens.getObject()
                .authorize(request)
                .map(client -> client.getAccessToken().getTokenValue())
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                        "The session holds no access token; please log in again.")));
        }
        return Mono.error(new IllegalStateException("No token to relay for " + caller));
    }
}
