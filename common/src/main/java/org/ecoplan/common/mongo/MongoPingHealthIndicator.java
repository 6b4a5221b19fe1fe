package org.ecoplan.common.mongo;

import java.time.Duration;

import com.mongodb.reactivestreams.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

/**
 * MongoDB health as {@code ping} with a time limit. Boot's own check sends {@code hello}, which
 * mongo-java-server does not know (it would report DOWN forever); {@code ping} is answered by every
 * MongoDB-compatible server and needs no privileges. Unbounded, the check would wait out the driver's 30 s
 * server selection while MongoDB is unreachable, long after probes and the launcher have given up.
 */
public final class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private static final Document PING = new Document("ping", 1);

    private final MongoClient client;
    private final Duration timeout;

    public MongoPingHealthIndicator(MongoClient client, Duration timeout) {
        super("MongoDB health check failed");
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return Mono.from(client.getDatabase("admin").runCommand(PING))
                .timeout(timeout)
                .map(answer -> builder.up().build());
    }
}
