package org.ecoplan.common.security;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway and the services keep Keycloak's signing keys (see {@link KeySetCache}).
 *
 * @param refetchInterval the least time between two fetches of the key set, however many tokens name unknown keys
 * @param maxAge how long fetched keys are trusted before the next token fetches them again
 * @param fetchTimeout how long one fetch may take
 */
@Validated
@ConfigurationProperties("ecoplan.jwks")
public record KeySetProperties(@NotNull @DefaultValue("30s") Duration refetchInterval,
        @NotNull @DefaultValue("10m") Duration maxAge, @NotNull @DefaultValue("5s") Duration fetchTimeout) {
}
