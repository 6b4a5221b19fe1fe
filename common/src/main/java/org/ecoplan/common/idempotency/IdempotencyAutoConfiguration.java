package org.ecoplan.common.idempotency;

import java.time.Clock;

import org.ecoplan.common.time.ClockAutoConfiguration;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** {@link IdempotencyKeys} for every service with reactive MongoDB. */
@AutoConfiguration(after = { DataMongoReactiveAutoConfiguration.class, JacksonAutoConfiguration.class,
        ClockAutoConfiguration.class })
@ConditionalOnBean({ ReactiveMongoTemplate.class, JsonMapper.class })
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IdempotencyKeys idempotencyKeys(ReactiveMongoTemplate template, JsonMapper mapper, Clock clock,
            IdempotencyProperties properties) {
        return new IdempotencyKeys(template, mapper, clock, properties);
    }
}
