package org.ecoplan.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The configuration review as a test: which of an application's endpoints answer a request that brings no token,
 * against the reviewed allow-list {@code authorization/public-endpoints.csv} ({@code module,method,path,reason}).
 * Endpoints are written {@code "GET /path/{pattern}"} as the application maps them.
 */
public final class OpenEndpoints {

    private static final Path ALLOW_LIST = Path.of("..", "authorization", "public-endpoints.csv");

    private OpenEndpoints() {
    }

    /** The endpoints the allow-list opens in {@code module}. */
    public static Set<String> allowed(String module) {
        try {
            return Files.readAllLines(ALLOW_LIST)
                .stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split(",", 4))
                .filter(cells -> cells[0].equals(module))
                .map(cells -> cells[1] + " " + cells[2])
                .collect(Collectors.toCollection(TreeSet::new));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Every endpoint the application's handler mappings know: controllers, actuator, springdoc and resource
     * handlers (these as GET). A mapping without methods answers every method; it is listed with GET and POST.
     */
    public static Set<String> mapped(ApplicationContext context) {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
            .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Collection<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of("GET", "POST")
                        : info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
                for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                    methods.forEach(method -> endpoints.add(method + " " + pattern.getPatternString()));
                }
            }
        }
        for (SimpleUrlHandlerMapping mapping : context.getBeansOfType(SimpleUrlHandlerMapping.class).values()) {
            mapping.getUrlMap().keySet().forEach(pattern -> endpoints.add("GET " + pattern));
        }
        return endpoints;
    }

    /**
     * Those of {@code endpoints} that a request without credentials gets past security: anything but 401, 403
     * or a redirect to the login.
     */
    public static Set<String> reachableWithoutToken(WebTestClient client, Collection<String> endpoints) {
        Set<String> reachable = new TreeSet<>();
        for (String endpoint : endpoints) {
            String[] parts = endpoint.split(" ", 2);
            try {
                EntityExchangeResult<byte[]> result = client.method(HttpMethod.valueOf(parts[0]))
                    .uri(example(parts[1]))
                    .exchange()
                    .expectBody()
                    .returnResult();
                if (!refused(result)) {
                    reachable.add(endpoint);
                }
            }
            catch (IllegalStateException timedOut) {
                // Security refuses at once; a request still running when the client gives up got past it.
                reachable.add(endpoint);
            }
        }
        return reachable;
    }

    /** A path the pattern matches: every variable and wildcard filled with {@code x}. */
    static String example(String pattern) {
        return pattern.replaceAll("\\{[^}]*}", "x").replace("**", "x").replace("*", "x");
    }

    private static boolean refused(EntityExchangeResult<byte[]> result) {
        HttpStatus status = HttpStatus.resolve(result.getStatus().value());
        if (status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN) {
            return true;
        }
        String location = result.getResponseHeaders().getFirst("Location");
        return result.getStatus().is3xxRedirection() && location != null && location.contains("/oauth2/authorization/");
    }
}
