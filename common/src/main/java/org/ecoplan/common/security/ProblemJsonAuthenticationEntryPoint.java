package org.ecoplan.common.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.ecoplan.common.web.ProblemDetailWriter;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a request without a usable bearer token with 401: the RFC 6750 {@code WWW-Authenticate} challenge
 * (carrying the token's defect for clients that read it) and a problem+json body for those that read bodies.
 */
public class ProblemJsonAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemDetailWriter writer;

    public ProblemJsonAuthenticationEntryPoint(ProblemDetailWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        boolean tokenRejected = ex instanceof OAuth2AuthenticationException;
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge(ex));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                tokenRejected ? "The bearer token is invalid or has expired."
                        : "This resource needs a bearer token from the EcoPlan identity provider.");
        return writer.write(exchange, problem);
    }

    private static String challenge(AuthenticationException ex) {
        if (!(ex instanceof OAuth2AuthenticationException oauth)) {
            return "Bearer";
        }
        OAuth2Error error = oauth.getError();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error.getErrorCode());
        if (error.getDescription() != null) {
            parameters.put("error_description", error.getDescription());
        }
        if (error.getUri() != null) {
            parameters.put("error_uri", error.getUri());
        }
        return "Bearer " + parameters.entrySet()
            .stream()
            .map(parameter -> parameter.getKey() + "=\"" + quoted(parameter.getValue()) + "\"")
            .collect(Collectors.joining(", "));
    }

    /** RFC 7230 quoted-string: a backslash or quote inside the JWT library's message must not end the value. */
    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
