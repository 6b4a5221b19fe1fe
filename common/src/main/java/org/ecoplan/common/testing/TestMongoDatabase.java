package org.ecoplan.common.testing;

import java.time.Duration;
import java.util.UUID;

import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.ecoplan.common.mongo.EmbeddedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A database of its own for one test context: on the MongoDB named by {@code MONGODB_URI} when that is set (so
 * the same tests run against a real server in CI), else on an in-memory {@link EmbeddedMongo}. Closing it drops
 * the database, or stops the embedded server.
 */
final class TestMongoDatabase implements AutoCloseable {

    static final String MONGODB_URI = "MONGODB_URI";

    private static final Logger log = LoggerFactory.getLogger(TestMongoDatabase.class);

    private static final Duration DROP_TIMEOUT = Duration.ofSeconds(30);

    private final String database;

    private final String connectionString;

    private final EmbeddedMongo embedded;

    private TestMongoDatabase(String database, String connectionString, EmbeddedMongo embedded) {
        this.database = database;
        this.connectionString = connectionString;
        this.embedded = embedded;
    }

    static TestMongoDatabase create() {
        return create(System.getenv(MONGODB_URI));
    }

    /** @param externalUri a real server's URI, or null/blank for an embedded one */
    static TestMongoDatabase create(String externalUri) {
        String database = "ecoplan_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (externalUri == null || externalUri.isBlank()) {
            EmbeddedMongo embedded = EmbeddedMongo.inMemory(0);
            log.info("Test database {} on {}", database, embedded);
            return new TestMongoDatabase(database, embedded.connectionString(database), embedded);
        }
        log.info("Test database {} on the MongoDB from {}", database, MONGODB_URI);
        return new TestMongoDatabase(database, withDatabase(externalUri, database), null);
    }

    String database() {
        return database;
    }

    String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
            return;
        }
        try (MongoClient client = MongoClients.create(connectionString)) {
            Mono.from(client.getDatabase(database).drop()).block(DROP_TIMEOUT);
        }
    }

    /**
     * {@code uri} with its database path replaced. The path database is also the default authentication
     * database, so credentials keep authenticating where they did via an explicit {@code authSource}.
     */
    static String withDatabase(String uri, String database) {
        ConnectionString original = new ConnectionString(uri);
        int hostsStart = uri.indexOf("://") + 3;
        int hostsEnd = hostsStart;
        while (hostsEnd < uri.length() && uri.charAt(hostsEnd) != '/' && uri.charAt(hostsEnd) != '?') {
            hostsEnd++;
        }
        int query = uri.indexOf('?', hostsStart);
        String options = query < 0 ? "" : uri.substring(query + 1);
        if (original.getCredential() != null && !options.toLowerCase().contains("authsource=")) {
            options = (options.isEmpty() ? "" : options + "&") + "authSource=" + original.getCredential().getSource();
        }
        return uri.substring(0, hostsEnd) + "/" + database + (options.isEmpty() ? "" : "?" + options);
    }
}
