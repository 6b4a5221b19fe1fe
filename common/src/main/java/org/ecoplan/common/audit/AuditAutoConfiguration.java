package org.ecoplan.common.audit;

import java.time.Clock;

import org.ecoplan.common.time.ClockAutoConfiguration;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** An {@link AuditTrail} for every service with reactive MongoDB. */
@AutoConfiguration(after = { DataMongoReactiveAutoConfiguration.class, JacksonAutoConfiguration.class,
        ClockAutoConfiguration.class })
@ConditionalOnBean({ ReactiveMongoTemplate.class, JsonMapper.class })
public class AuditAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AuditTrail auditTrail(ReactiveMongoTemplate template, JsonMapper mapper, Clock clock) {
        return new AuditTrail(template, mapper, clock);
    }
}
