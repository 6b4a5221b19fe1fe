package org.ecoplan.common.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import reactor.test.StepVerifier;

class MongoPingHealthIndicatorTest {

    /** Generous: the first ping also opens the connection, on a machine several builds share. */
    private static final Duration GENEROUS = Duration.ofSeconds(10);

    private static final Duration SHORT = Duration.ofMillis(500);

    @Test
    void embeddedServerIsUp() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
                MongoClient client = MongoClients.create(mongo.connectionString("health"))) {
            StepVerifier.create(new MongoPingHealthIndicator(client, GENEROUS).health())
                    .assertNext(health -> assertThat(health.getStatus()).isEqualTo(Status.UP))
                    .verifyComplete();
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
