package org.ecoplan.gateway.session;

import java.security.Principal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.security.PlatformRoles;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the portal who is logged in, if anyone. Open to anonymous callers, since "nobody" is the answer the
 * portal's start page needs before offering the login button.
 */
@RestController
public class MeController {

    public static final String PATH = "/api/v1/me";

    @GetMapping(PATH)
    Mono<Me> me(ServerWebExchange exchange) {
        return exchange.getPrincipal()
            .flatMap(MeController::ecoPrincipal)
            .map(Me::of)
            .defaultIfEmpty(Me.ANONYMOUS);
    }

    private static Mono<EcoPrincipal> ecoPrincipal(Principal principal) {
        if (principal instanceof Authentication authentication) {
            Object user = authentication.getPrincipal();
            if (user instanceof EcoPrincipal bearer) {
                return Mono.just(bearer);
            }
            if (user instanceof SessionUser session) {
                return Mono.just(session.principal());
            }
        }
        return Mono.empty();
    }

    /**
     * @param authenticated whether the caller is logged in; the other fields are present only if so
     * @param username Keycloak's {@code preferred_username}
     * @param roles the caller's platform roles, sorted; Keycloak's own realm roles are left out
     * @param department department code ({@code env}, {@code dev}, {@code land}, {@code water}), if any
     * @param enterpriseId the enterprise an enterprise account belongs to, if any
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Me(boolean authenticated, String username, List<String> roles, String department, String enterpriseId) {

        static final Me ANONYMOUS = new Me(false, null, null, null, null);

        static Me of(EcoPrincipal principal) {
            List<String> platformRoles = principal.roles()
                .stream()
                .filter(PlatformRoles.ALL::contains)
                .sorted()
                .toList();
            return new Me(true, principal.username(), platformRoles, principal.department().orElse(null),
                    principal.enterpriseId().orElse(null));
        }
    }
}
