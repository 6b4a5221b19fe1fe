package org.ecoplan.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.ecoplan.common.mongo.MongoHealthAutoConfiguration.MongoHealthProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class MongoPingHealthIndicatorTest {

    /** What the services run with unless configured otherwise: the default of {@code ecoplan.health.mongo.timeout}. */
    private static final Duration PRODUCTION_LIMIT = new Binder(new MapConfigurationPropertySource())
        .bindOrCreate("ecoplan.health.mongo", MongoHealthProperties.class)
        .timeout();

    /**
     * Opening the first connection (server discovery, TCP, handshake, class loading) on a cold JVM that shares two
     * cores with other builds can take seconds; that is start-up cost, not what the check is about.
     */
    private static final Duration FIRST_CONNECTION = Duration.ofSeconds(30);

    private static final Duration SHORT = Duration.ofMillis(500);

    @Test
    void embeddedServerIsUp() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
                MongoClient client = MongoClients.create(mongo.connectionString("health"))) {
            // Bounded, and it fails here rather than in the check if the server never answers.
            Mono.from(client.getDatabase("admin").runCommand(new Document("ping", 1))).block(FIRST_CONNECTION);

            // The check itself, on the connection a running service would have, within the production limit.
            StepVerifier.create(new MongoPingHealthIndicator(client, PRODUCTION_LIMIT).health())
                    .assertNext(health -> assertThat(health.getStatus()).isEqualTo(Status.UP))
                    .expectComplete()
                    .verify(PRODUCTION_LIMIT.multipliedBy(5));
        }
    }

    @Test
    void unreachableServerIsDownWithinTheLimitNotTheDriversServerSelectionTimeout() {
        String unreachable;
        try (EmbeddedMongo stopped = EmbeddedMongo.inMemory(0)) {
            unreachable = stopped.connectionString("health");
        }
        try (MongoClient client = MongoClients.create(unreachable)) {
            StepVerifier.create(new MongoPingHealthIndicator(client, SHORT).health())
                    .assertNext(health -> assertThat(health.getStatus()).isEqualTo(Status.DOWN))
                    .expectComplete()
                    .verify(Duration.ofSeconds(5));
        }
    }
}
