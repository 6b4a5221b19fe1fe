package org.ecoplan.common.idempotency;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param retention how long a completed request's response is replayed for its key; a day, as integrators retry
 *        within hours and keys must not pile up
 * @param lease how long a claimed key blocks retries while its first request runs; a request that dies without
 *        finishing frees its key after this. Far above any request's run time, so that a slow first request is
 *        never run twice
 */
@Validated
@ConfigurationProperties("ecoplan.idempotency")
public record IdempotencyProperties(@NotNull @DefaultValue("24h") Duration retention,
        @NotNull @DefaultValue("2m") Duration lease) {
}
