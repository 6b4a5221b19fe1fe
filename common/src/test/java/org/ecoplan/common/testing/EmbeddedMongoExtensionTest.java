package org.ecoplan.common.testing;

import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoExtensionTest {

    @RegisterExtension
    static final EmbeddedMongoExtension MONGO = new EmbeddedMongoExtension();

    @Test
    void fieldAndParameterNameTheSameDatabase(ConnectionString parameter) {
        assertThat(parameter.getDatabase()).isEqualTo(MONGO.databaseName()).startsWith("ecoplan_test_");
        assertThat(parameter.getConnectionString()).isEqualTo(MONGO.connectionString());
    }

    @Test
    void databaseAcceptsWrites() {
        try (MongoClient client = MongoClients.create(MONGO.connectionString())) {
            var collection = client.getDatabase(MONGO.databaseName()).getCollection("readings");
            Mono.from(collection.insertOne(new Document("pm25", 35))).block();

            assertThat(Mono.from(collection.countDocuments()).block()).isEqualTo(1);
        }
    }

    @Nested
    class NestedClass {

        @Test
        void sharesTheDatabaseOfTheEnclosingClass(ConnectionString parameter) {
            assertThat(parameter.getDatabase()).isEqualTo(MONGO.databaseName());
        }
    }
}
