package org.ecoplan.common.mongo;

import java.nio.file.Path;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoTest {

    @Test
    void portZeroPicksAFreePortOnLoopback() {
        try (EmbeddedMongo first = EmbeddedMongo.inMemory(0); EmbeddedMongo second = EmbeddedMongo.inMemory(0)) {
            assertThat(first.port()).isPositive().isNotEqualTo(second.port());
            assertThat(first.connectionString("ecoplan-risk"))
                .isEqualTo("mongodb://127.0.0.1:" + first.port() + "/ecoplan-risk");
        }
    }

    @Test
    void inMemoryServerStoresAndFinds() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
                MongoClient client = MongoClients.create(mongo.connectionString("db"))) {
            MongoCollection<Document> enterprises = client.getDatabase("db").getCollection("enterprises");
            Mono.from(enterprises.insertOne(new Document("_id", "E-430602-0001").append("name", "岳阳某化工")))
                .block();

            assertThat(Mono.from(enterprises.find().first()).block()).containsEntry("name", "岳阳某化工");
        }
    }

    @Test
    void h2DataSurvivesARestart(@TempDir Path folder) {
        Path file = folder.resolve("nested/mongo.mv.db");
        try (EmbeddedMongo mongo = EmbeddedMongo.h2(file, 0);
                MongoClient client = MongoClients.create(mongo.connectionString("ecoplan-project"))) {
            Mono.from(client.getDatabase("ecoplan-project")
                .getCollection("projects")
                .insertOne(new Document("_id", "P-01").append("investment", 1250.5))).block();
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.h2(file, 0);
                MongoClient client = MongoClients.create(mongo.connectionString("ecoplan-project"))) {
            assertThat(Flux.from(client.getDatabase("ecoplan-project").getCollection("projects").find())
                .collectList()
                .block()).containsExactly(new Document("_id", "P-01").append("investment", 1250.5));
        }
    }
}
