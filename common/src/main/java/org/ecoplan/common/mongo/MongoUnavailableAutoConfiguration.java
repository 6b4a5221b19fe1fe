package org.ecoplan.common.mongo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.reactivestreams.client.MongoClient;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.validation.annotation.Validated;

/**
 * How long a request waits for an unreachable MongoDB before it fails (with 503, see common's
 * {@code DatabaseUnavailableAdvice}). The driver's default of 30 s outlasts the gateway's 10 s response timeout,
 * so the client would get the gateway's 504 and never learn that retrying is safe. A
 * {@code serverSelectionTimeoutMS} in the connection string still wins.
 */
@AutoConfiguration(before = MongoReactiveAutoConfiguration.class)
@ConditionalOnClass(MongoClient.class)
@EnableConfigurationProperties(MongoUnavailableAutoConfiguration.MongoUnavailableProperties.class)
public class MongoUnavailableAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer ecoplanServerSelectionTimeout(MongoConnectionDetails connection,
            MongoUnavailableProperties properties) {
        boolean setInUri = connection.getConnectionString().getServerSelectionTimeout() != null;
        long millis = properties.serverSelectionTimeout().toMillis();
        return settings -> {
            if (!setInUri) {
                settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis,
                        TimeUnit.MILLISECONDS));
            }
        };
    }

    /**
     * @param serverSelectionTimeout how long an operation waits for a reachable MongoDB server
     */
    @Validated
    @ConfigurationProperties("ecoplan.mongo")
    public record MongoUnavailableProperties(@NotNull @DefaultValue("3s") Duration serverSelectionTimeout) {
    }
}
