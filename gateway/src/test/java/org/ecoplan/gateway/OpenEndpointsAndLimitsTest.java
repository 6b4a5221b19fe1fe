package org.ecoplan.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.ErrorDisclosure;
import org.ecoplan.common.testing.OpenEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The gateway's side of the OWASP API Top 10 cases: the configuration review (API8: what answers without a token,
 * compared with {@code authorization/public-endpoints.csv}), request size limits (API4) and what its errors and
 * logs disclose. The services prove the object, property and function level cases themselves.
 */
@ExtendWith(OutputCaptureExtension.class)
class OpenEndpointsAndLimitsTest extends GatewayTestSupport {

    private static final Pattern ROUTE_PATHS = Pattern.compile("Paths: \\[([^\\]]*)]");

    @Autowired
    private ApplicationContext context;

    @Autowired
    private RouteLocator routes;

    @Test
    void onlyTheReviewedEndpointsAnswerWithoutAToken() throws IOException {
        Set<String> allowed = OpenEndpoints.allowed("gateway");
        Set<String> endpoints = new TreeSet<>(OpenEndpoints.mapped(context));
        endpoints.addAll(routedPaths());
        // Paths inside a route's or the portal's patterns that are opened one by one: every row must still answer.
        endpoints.addAll(allowed);
        assertThat(OpenEndpoints.reachableWithoutToken(client, endpoints)).isEqualTo(allowed);

        // The portal's files are served by the catch-all resource handler; each must fall under a reviewed pattern.
        PathPatternParser parser = new PathPatternParser();
        for (String file : portalFiles()) {
            assertThat(allowed.stream()
                .anyMatch(endpoint -> endpoint.startsWith("GET ")
                        && parser.parse(endpoint.substring(4)).matches(PathContainer.parsePath(file))))
                .as(file).isTrue();
        }
        assertThat(OpenEndpoints.reachableWithoutToken(client, portalFiles().stream().map(file -> "GET " + file)
            .toList())).hasSameSizeAs(portalFiles());
    }

    @Test
    void actuatorTellsAnonymousCallersNoDetailsOrVersions() {
        client.get().uri("/actuator/info").exchange()
            .expectStatus().isOk()
            .expectBody(String.class).value(info -> assertThat(info == null ? "" : info)
                .doesNotContain("java", "jvm", "runtime"));
        client.get().uri("/actuator/health").exchange()
            .expectBody().jsonPath("$.components").doesNotExist();
        client.get().uri("/actuator/gateway/routes").headers(KEYCLOAK.token("admin", PlatformRoles.ECO_ADMIN).bearer())
            .exchange()
            .expectStatus().value(status -> assertThat(status).isIn(403, 404));
    }

    @Test
    void aJsonBodyOverTheLimitIsRefusedWith413BeforeAnyServiceSeesIt() {
        byte[] huge = ("{\"note\": \"" + "x".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        client.post().uri("/api/v1/projects").headers(KEYCLOAK.token("eco-admin", PlatformRoles.ECO_ADMIN).bearer())
            .contentType(MediaType.APPLICATION_JSON).bodyValue(huge)
            .exchange()
            .expectStatus().isEqualTo(413)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        client.post().uri("/api/v1/projects").headers(KEYCLOAK.token("eco-admin", PlatformRoles.ECO_ADMIN).bearer())
            .contentType(MediaType.APPLICATION_JSON).body(chunks(40, 10_000), DataBuffer.class)
            .exchange()
            .expectStatus().isEqualTo(413);
        client.post().uri("/api/v1/projects").headers(KEYCLOAK.token("eco-admin", PlatformRoles.ECO_ADMIN).bearer())
            .contentType(MediaType.APPLICATION_OCTET_STREAM).body(chunks(40, 10_000), DataBuffer.class)
            .exchange()
            .expectStatus().isEqualTo(411)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        PROJECT_SERVICE.verify(0, anyRequestedFor(anyUrl()));
    }

    /**
     * A chunked body within the limit reaches the service whole and with its length; one refused half-way through
     * its forwarding used to leave the service's pooled connection waiting, so that the next request on the route
     * hung until the response timeout.
     */
    @Test
    void aChunkedBodyIsForwardedWithItsLengthAndARefusedOneLeavesTheRouteWorking() {
        PROJECT_SERVICE.stubFor(post(urlPathMatching("/api/v1/projects")).willReturn(okJson("{\"code\":\"P\"}")));
        PROJECT_SERVICE.stubFor(get(urlPathMatching("/api/v1/projects")).willReturn(okJson("{\"total\":8}")));

        client.post().uri("/api/v1/projects").headers(KEYCLOAK.token("eco-admin", PlatformRoles.ECO_ADMIN).bearer())
            .contentType(MediaType.APPLICATION_JSON).body(chunks(40, 10_000), DataBuffer.class)
            .exchange()
            .expectStatus().isEqualTo(413);
        client.post().uri("/api/v1/projects").headers(KEYCLOAK.token("eco-admin", PlatformRoles.ECO_ADMIN).bearer())
            .contentType(MediaType.APPLICATION_JSON).body(chunks(3, 1_000), DataBuffer.class)
            .exchange()
            .expectStatus().isOk();
        client.mutate().responseTimeout(RESPONSE_TIMEOUT.dividedBy(2)).build()
            .get().uri("/api/v1/projects").headers(KEYCLOAK.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer())
            .exchange()
            .expectStatus().isOk();

        PROJECT_SERVICE.verify(1, postRequestedFor(urlPathMatching("/api/v1/projects"))
            .withHeader(HttpHeaders.CONTENT_LENGTH, equalTo("3000"))
            .withoutHeader(HttpHeaders.TRANSFER_ENCODING));
    }

    private static Flux<DataBuffer> chunks(int count, int size) {
        return Flux.range(0, count).map(chunk -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[size]));
    }

    @Test
    void veryLongQueryStringsAndHeadersAreRefusedCleanly() {
        client.get().uri("/api/v1/indicators?name=" + "x".repeat(20_000))
            .headers(KEYCLOAK.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer())
            .exchange()
            .expectStatus().isEqualTo(414);
        client.get().uri("/api/v1/indicators").header("X-Filler", "x".repeat(20_000))
            .headers(KEYCLOAK.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer())
            .exchange()
            .expectStatus().isEqualTo(431);
        INDICATOR_SERVICE.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void tokensAndSecretsReachNeitherLogsNorErrors(CapturedOutput output) {
        INDICATOR_SERVICE.stubFor(get(urlPathMatching("/api/v1/indicators")).willReturn(okJson("{\"total\":1}")));
        ErrorDisclosure.assertCredentialsNeverDisclosed(output::getAll,
                KEYCLOAK.token("viewer", PlatformRoles.BUREAU_VIEWER),
                Stream.of("/api/v1/indicators", "/api/v1/nowhere", "/fallback/indicator-service")
                    .<Function<Consumer<HttpHeaders>, WebTestClient.ResponseSpec>>map(
                            path -> bearer -> client.get().uri(path).headers(bearer).exchange())
                    .toList(),
                context.getEnvironment().getProperty("ecoplan.keycloak.client-secret"));
    }

    /** The gateway's routes, as "GET path" of each path pattern of their predicates. */
    private Set<String> routedPaths() {
        Set<String> paths = new TreeSet<>();
        routes.getRoutes().toStream().forEach(route -> {
            Matcher matcher = ROUTE_PATHS.matcher(route.getPredicate().toString());
            while (matcher.find()) {
                for (String path : matcher.group(1).split(",")) {
                    paths.add("GET " + path.strip());
                    paths.add("POST " + path.strip());
                }
            }
        });
        assertThat(paths).as("the routes' paths").isNotEmpty();
        return paths;
    }

    private static List<String> portalFiles() throws IOException {
        List<String> files = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:static/**")) {
            if (resource.isReadable() && resource.contentLength() > 0) {
                String url = resource.getURL().toString();
                files.add(url.substring(url.lastIndexOf("/static/") + "/static".length()));
            }
        }
        return files;
    }
}
