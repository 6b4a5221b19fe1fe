package org.ecoplan.common.security;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long and how many accepted bearer tokens the gateway and each service keep (see {@link VerifiedTokenCache}).
 *
 * @param maxAge the longest a token is accepted without a full check again, however long it is valid
 * @param maxTokens how many tokens are kept at most; 0 keeps none and checks every request in full
 */
@Validated
@ConfigurationProperties("ecoplan.verified-tokens")
public record VerifiedTokenProperties(@NotNull @DefaultValue("5m") Duration maxAge,
        @Min(0) @DefaultValue("10000") int maxTokens) {
}
