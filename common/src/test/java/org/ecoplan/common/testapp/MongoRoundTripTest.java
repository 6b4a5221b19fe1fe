package org.ecoplan.common.testapp;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs against whatever MongoTestConfiguration supplies: embedded by default, MONGODB_URI's server if set. */
@WithTestApplication
class MongoRoundTripTest {

    @Document("stations")
    record Station(@Id String id, String name, double latitude) {
    }

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void documentSurvivesARoundTrip() {
        Station station = new Station("S-01", "君山岛", 29.37);
        StepVerifier.create(mongo.save(station).then(mongo.findById("S-01", Station.class)))
            .expectNext(station)
            .verifyComplete();
    }

    @Test
    void databaseIsAFreshTestDatabase() {
        assertThat(mongo.getMongoDatabase().block().getName()).startsWith("ecoplan_test_");
    }
}
