package org.ecoplan.common.testing;

import java.util.List;

import com.mongodb.MongoTimeoutException;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.ecoplan.common.mongo.EmbeddedMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestMongoDatabaseTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            mongodb://db:27017                                   | mongodb://db:27017/t
            mongodb://db:27017/                                  | mongodb://db:27017/t
            mongodb://db1:27017,db2:27017/app?replicaSet=rs0     | mongodb://db1:27017,db2:27017/t?replicaSet=rs0
            mongodb://db:27017?tls=true                          | mongodb://db:27017/t?tls=true
            mongodb://ci:secret@db:27017                         | mongodb://ci:secret@db:27017/t?authSource=admin
            mongodb://ci:secret@db:27017/ops?w=majority          | mongodb://ci:secret@db:27017/t?w=majority&authSource=ops
            mongodb://ci:secret@db/?authSource=users             | mongodb://ci:secret@db/t?authSource=users
            mongodb+srv://ci:secret@cluster.example.net/         | mongodb+srv://ci:secret@cluster.example.net/t?authSource=admin
            """)
    void externalUriGetsTheTestDatabaseAndKeepsItsAuthenticationDatabase(String uri, String expected) {
        assertThat(TestMongoDatabase.withDatabase(uri, "t")).isEqualTo(expected);
    }

    /** An embedded server stands in for the real one MONGODB_URI would name. */
    @Test
    void onAnExternalServerTheDatabaseIsFreshAndDroppedOnClose() {
        try (EmbeddedMongo server = EmbeddedMongo.inMemory(0);
                MongoClient client = MongoClients.create(server.connectionString("admin"))) {
            String name;
            try (TestMongoDatabase database = TestMongoDatabase.create(server.connectionString(""))) {
                name = database.database();
                assertThat(name).matches("ecoplan_test_[0-9a-f]{16}");
                assertThat(database.connectionString()).endsWith("/" + name);
                Mono.from(client.getDatabase(name).getCollection("probe").insertOne(new Document("n", 1))).block();
                assertThat(databaseNames(client)).contains(name);
            }
            assertThat(databaseNames(client)).doesNotContain(name);
        }
    }

    @Test
    void withoutExternalServerAnEmbeddedOneServesAndStops() {
        TestMongoDatabase database = TestMongoDatabase.create(null);
        try (MongoClient client = MongoClients.create(database.connectionString())) {
            Mono.from(client.getDatabase(database.database()).getCollection("probe").insertOne(new Document()))
                .block();
        }
        database.close();

        assertThat(database.connectionString()).startsWith("mongodb://127.0.0.1:");
        try (MongoClient client = MongoClients.create(database.connectionString() + "?serverSelectionTimeoutMS=300")) {
            assertThatThrownBy(() -> Mono.from(client.getDatabase(database.database()).listCollectionNames()).block())
                .isInstanceOf(MongoTimeoutException.class);
        }
    }

    @Test
    void everyDatabaseHasItsOwnName() {
        try (TestMongoDatabase first = TestMongoDatabase.create(null);
                TestMongoDatabase second = TestMongoDatabase.create(null)) {
            assertThat(first.database()).isNotEqualTo(second.database());
        }
    }

    private static List<String> databaseNames(MongoClient client) {
        return Flux.from(client.listDatabaseNames()).collectList().block();
    }
}
