package org.ecoplan.project.portfolio;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.ecoplan.common.i18n.LocalizedName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.security.oauth2.server.resource.web.reactive.function.client.ServerBearerExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the plan's indicators from indicator-service with the caller's own token, so indicator-service applies
 * its rules to the same person. It never fails: a slow, failing or missing indicator comes back as
 * {@link IndicatorAnswer.Unavailable} with the reason, and the portfolio is answered without it.
 */
@Component
class IndicatorServiceClient {

    private static final Logger log = LoggerFactory.getLogger(IndicatorServiceClient.class);

    private final WebClient client;

    private final Duration timeout;

    IndicatorServiceClient(IndicatorServiceProperties properties, JsonMapper mapper) {
        this.client = WebClient.builder()
            .baseUrl(properties.url().toString())
            .filter(new ServerBearerExchangeFilterFunction())
            .codecs(codecs -> codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(mapper)))
            .build();
        this.timeout = properties.timeout();
    }

    Mono<IndicatorAnswer> indicator(String code) {
        return client.get()
            .uri("/api/v1/indicators/{code}", code)
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .bodyToMono(PlanIndicatorDetail.class)
            .timeout(timeout)
            .<IndicatorAnswer>map(IndicatorAnswer.Found::new)
            .switchIfEmpty(Mono.fromSupplier(() -> unavailable(code, new LocalizedName("指标服务的答复为空",
                    "indicator-service answered without a body"), "no body")))
            .onErrorResume(failure -> Mono.just(unavailable(code, reason(code, failure), failure.toString())));
    }

    private LocalizedName reason(String code, Throwable failure) {
        if (failure instanceof TimeoutException) {
            return new LocalizedName("指标服务未在" + timeout.toMillis() + "毫秒内答复",
                    "indicator-service did not answer within " + timeout.toMillis() + " ms");
        }
        if (failure instanceof WebClientResponseException.NotFound) {
            return new LocalizedName("指标服务中没有指标" + code, "indicator-service has no indicator " + code);
        }
        if (failure instanceof WebClientResponseException response) {
            return new LocalizedName("指标服务答复 HTTP " + response.getStatusCode().value(),
                    "indicator-service answered HTTP " + response.getStatusCode().value());
        }
        if (failure instanceof WebClientRequestException) {
            return new LocalizedName("无法连接指标服务", "indicator-service cannot be reached");
        }
        return new LocalizedName("指标服务的答复无法读取", "indicator-service's answer cannot be read");
    }

    private static IndicatorAnswer unavailable(String code, LocalizedName reason, String cause) {
        log.warn("Plan indicator {} left out of the portfolio: {} ({})", code, reason.en(), cause);
        return new IndicatorAnswer.Unavailable(reason);
    }
}
