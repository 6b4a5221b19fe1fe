package org.ecoplan.gateway.limits;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How large a request body the gateway passes on (OWASP API4): the services check again, but a body the gateway
 * refuses costs no service anything.
 *
 * @param maxJsonBodySize a JSON body beyond it answers 413; the services read at most 256 KB of JSON
 * @param maxBodySize any other body (uploads, imports) beyond it answers 413; above the largest file a service
 *        accepts (risk-service's 50 MB plan documents), so the service's own limit answers first by name
 */
@Validated
@ConfigurationProperties("ecoplan.request-limits")
public record RequestLimitProperties(@NotNull @DefaultValue("256KB") DataSize maxJsonBodySize,
        @NotNull @DefaultValue("60MB") DataSize maxBodySize) {
}
