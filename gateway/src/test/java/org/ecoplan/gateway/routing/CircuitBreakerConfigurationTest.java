package org.ecoplan.gateway.routing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.config.HttpClientProperties;

class CircuitBreakerConfigurationTest {

    @Test
    void springCloudGatewaysOwnResponseTimeoutIsRefusedWithTheSettingToUseInstead() {
        HttpClientProperties httpClient = new HttpClientProperties();
        httpClient.setResponseTimeout(Duration.ofSeconds(20));
        ResilienceProperties resilience = new ResilienceProperties(Duration.ofSeconds(10),
                new ResilienceProperties.CircuitBreaker(20, 10, 50, Duration.ofSeconds(10), 3),
                new ResilienceProperties.Retry(2, Duration.ofMillis(50), Duration.ofMillis(500)),
                new ResilienceProperties.RateLimit(100, Duration.ofSeconds(1), 10_000));

        assertThatThrownBy(() -> new CircuitBreakerConfiguration().responseTimeout(httpClient, resilience))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("set ecoplan.resilience.response-timeout instead");
    }
}
