package org.ecoplan.project.portfolio;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the portfolio finds the plan's pollutant-total indicators ({@code ecoplan.indicator-service.*}).
 *
 * @param url     indicator-service's base URL, without {@code /api/v1}
 * @param timeout how long the portfolio waits for an indicator before answering without it
 */
@Validated
@ConfigurationProperties("ecoplan.indicator-service")
public record IndicatorServiceProperties(@NotNull @DefaultValue("http://localhost:8081") URI url,
        @NotNull @DefaultValue("2s") Duration timeout) {
}
