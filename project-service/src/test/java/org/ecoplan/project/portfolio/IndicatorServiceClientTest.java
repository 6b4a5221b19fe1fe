package org.ecoplan.project.portfolio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.ecoplan.common.security.EcoAuthenticationToken;
import org.ecoplan.common.security.EcoPrincipal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

class IndicatorServiceClientTest {

    /** indicator-service's answer for a 市级下达 total the city has given its figure for. */
    static final String EMISSION_COD = """
            {"seq": 11, "code": "EMISSION-COD", "category": ["污染物排放总量控制"],
             "name": {"zh": "化学需氧量", "en": "Chemical oxygen demand (COD) emissions"}, "unit": "万吨",
             "baseline": {"year": 2020, "value": null, "text": "完成市级下达指标"},
             "target": {"year": 2025, "type": "ASSIGNED_BY_CITY", "value": 0.005, "direction": "HIGHER_IS_BETTER",
                        "text": "市级下达指", "assignment": {"documentNumber": "岳环发〔2022〕12号", "date": "2022-03-01"}},
             "attribute": "BINDING", "department": "env", "footnote": null, "targetHistory": [], "version": 3,
             "observations": [{"period": "2023", "value": 0.001, "observationId": "o1", "derived": false}],
             "status": null}
            """;

    /** Generous: a first request on a loaded build machine starts Reactor Netty's client and takes its time. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

    private static final WireMockServer INDICATOR_SERVICE = new WireMockServer(options().dynamicPort());

    private IndicatorServiceClient client;

    @BeforeAll
    static void start() {
        INDICATOR_SERVICE.start();
    }

    @AfterAll
    static void stop() {
        INDICATOR_SERVICE.stop();
    }

    @BeforeEach
    void client() {
        INDICATOR_SERVICE.resetAll();
        client = clientOf(URI.create(INDICATOR_SERVICE.baseUrl()), TIMEOUT);
    }

    @Test
    void readsTheIndicatorAndItsTarget() {
        stub("EMISSION-COD", okJson(EMISSION_COD));

        StepVerifier.create(client.indicator("EMISSION-COD"))
            .assertNext(answer -> assertThat(answer).isInstanceOfSatisfying(IndicatorAnswer.Found.class, found -> {
                PlanIndicatorDetail indicator = found.indicator();
                assertThat(indicator.code()).isEqualTo("EMISSION-COD");
                assertThat(indicator.name().zh()).isEqualTo("化学需氧量");
                assertThat(indicator.unit()).isEqualTo("万吨");
                assertThat(indicator.target().year()).isEqualTo(2025);
                assertThat(indicator.target().type()).isEqualTo("ASSIGNED_BY_CITY");
                assertThat(indicator.target().value()).isEqualByComparingTo("0.005");
                assertThat(indicator.target().direction()).isEqualTo("HIGHER_IS_BETTER");
                assertThat(indicator.target().text()).isEqualTo("市级下达指");
            }))
            .verifyComplete();
    }

    @Test
    void relaysTheCallersBearerToken() {
        stub("EMISSION-COD", okJson(EMISSION_COD));
        Jwt jwt = Jwt.withTokenValue("callers-token").header("alg", "RS256").subject("someone").build();
        EcoAuthenticationToken caller = new EcoAuthenticationToken(jwt,
                new EcoPrincipal("someone", "viewer", Set.of("bureau-viewer"), Optional.empty(), Optional.empty()),
                List.of());

        StepVerifier.create(client.indicator("EMISSION-COD")
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(caller)))
            .expectNextMatches(IndicatorAnswer.Found.class::isInstance)
            .verifyComplete();

        INDICATOR_SERVICE.verify(getRequestedFor(urlEqualTo("/api/v1/indicators/EMISSION-COD"))
            .withHeader("Authorization", equalTo("Bearer callers-token")));
    }

    @Test
    void aServerErrorIsAnUnavailableIndicator() {
        stub("EMISSION-NOX", aResponse().withStatus(503));

        expectUnavailable(client.indicator("EMISSION-NOX"), "indicator-service answered HTTP 503",
                "指标服务答复 HTTP 503");
    }

    @Test
    void aSlowAnswerIsAnUnavailableIndicatorAfterTheTimeout() {
        stub("EMISSION-VOCS", okJson(EMISSION_COD).withFixedDelay(2_000));

        expectUnavailable(clientOf(URI.create(INDICATOR_SERVICE.baseUrl()), SHORT_TIMEOUT).indicator("EMISSION-VOCS"), "indicator-service did not answer within 300 ms",
                "指标服务未在300毫秒内答复");
    }

    @Test
    void anUnknownIndicatorIsUnavailable() {
        stub("EMISSION-NH3N", aResponse().withStatus(404)
            .withHeader("Content-Type", "application/problem+json")
            .withBody("{\"status\": 404, \"detail\": \"There is no indicator with code EMISSION-NH3N\"}"));

        expectUnavailable(client.indicator("EMISSION-NH3N"), "indicator-service has no indicator EMISSION-NH3N",
                "指标服务中没有指标EMISSION-NH3N");
    }

    @Test
    void anUnreadableAnswerIsAnUnavailableIndicator() {
        stub("EMISSION-COD", okJson("{\"code\": \"EMISSION-COD\", \"target\": "));

        expectUnavailable(client.indicator("EMISSION-COD"), "indicator-service's answer cannot be read",
                "指标服务的答复无法读取");
    }

    @Test
    void aServiceThatIsDownIsAnUnavailableIndicator() {
        WireMockServer stopped = new WireMockServer(options().dynamicPort());
        stopped.start();
        URI gone = URI.create(stopped.baseUrl());
        stopped.stop();

        expectUnavailable(clientOf(gone, TIMEOUT).indicator("EMISSION-COD"), "indicator-service cannot be reached",
                "无法连接指标服务");
    }

    private static void stub(String code, ResponseDefinitionBuilder response) {
        INDICATOR_SERVICE.stubFor(get(urlEqualTo("/api/v1/indicators/" + code)).willReturn(response));
    }

    private static void expectUnavailable(Mono<IndicatorAnswer> answer, String en, String zh) {
        StepVerifier.create(answer)
            .assertNext(unavailable -> assertThat(unavailable)
                .isInstanceOfSatisfying(IndicatorAnswer.Unavailable.class, found -> {
                    assertThat(found.reason().en()).isEqualTo(en);
                    assertThat(found.reason().zh()).isEqualTo(zh);
                }))
            .verifyComplete();
    }

    private static IndicatorServiceClient clientOf(URI url, Duration timeout) {
        return new IndicatorServiceClient(new IndicatorServiceProperties(url, timeout), JsonMapper.builder().build());
    }
}
