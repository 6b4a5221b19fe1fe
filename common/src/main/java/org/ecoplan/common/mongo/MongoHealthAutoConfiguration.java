package org.ecoplan.common.mongo;

import java.time.Duration;

import com.mongodb.reactivestreams.client.MongoClient;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.validation.annotation.Validated;

/**
 * Replaces Boot's MongoDB health check with {@link MongoPingHealthIndicator}. The bean keeps Boot's name,
 * so the component is still {@code mongo} (what the readiness groups include) and Boot's check backs off.
 */
@AutoConfiguration(after = MongoReactiveAutoConfiguration.class,
        before = MongoReactiveHealthContributorAutoConfiguration.class)
@ConditionalOnClass({ MongoClient.class, ReactiveHealthIndicator.class })
@ConditionalOnBean(MongoClient.class)
@ConditionalOnEnabledHealthIndicator("mongodb")
@EnableConfigurationProperties(MongoHealthAutoConfiguration.MongoHealthProperties.class)
public class MongoHealthAutoConfiguration {

    @Bean
    ReactiveHealthIndicator mongoHealthContributor(MongoClient client, MongoHealthProperties properties) {
        return new MongoPingHealthIndicator(client, properties.timeout());
    }

    /**
     * @param timeout how long the check waits for MongoDB's answer before reporting DOWN
     */
    @Validated
    @ConfigurationProperties("ecoplan.health.mongo")
    public record MongoHealthProperties(@NotNull @DefaultValue("2s") Duration timeout) {
    }
}
