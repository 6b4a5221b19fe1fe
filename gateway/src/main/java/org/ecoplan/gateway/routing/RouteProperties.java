package org.ecoplan.gateway.routing;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Base URLs of the services behind the gateway. The launcher, the e2e tests and the charts each run the
 * services elsewhere, so every one is a property; a missing one stops the start instead of dropping routes.
 *
 * @param indicator indicator-service
 * @param project project-service
 * @param risk risk-service
 */
@Validated
@ConfigurationProperties("ecoplan.routes")
public record RouteProperties(@NotNull URI indicator, @NotNull URI project, @NotNull URI risk) {
}
