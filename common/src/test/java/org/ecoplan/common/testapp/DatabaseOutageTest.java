package org.ecoplan.common.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import com.mongodb.ConnectionString;
import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.mongo.EmbeddedMongo;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.TestJwts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * MongoDB stops under a running service and comes back on the same port: health reports it, writes answer 503
 * with {@code Retry-After} and leave nothing behind, and the service recovers without a restart. The test owns
 * its server, so it runs in a context of its own rather than the shared {@link WithTestApplication} one.
 */
@SpringBootTest(classes = { TestApplication.class, DatabaseOutageTest.OwnServer.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ecoplan.mongo.server-selection-timeout=1s")
@AutoConfigureWebTestClient
class DatabaseOutageTest {

    private static EmbeddedMongo server = EmbeddedMongo.inMemory(0);

    private static final int PORT = server.port();

    @Autowired
    WebTestClient client;

    @Autowired
    ReactiveMongoTemplate template;

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void writeWhileMongoIsDownAnswers503AndItsRetryAfterRecoveryCreatesOnce() {
        String key = UUID.randomUUID().toString();
        createNote(key, "before the outage").expectStatus().isCreated();

        server.close();
        client.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503);
        createNote(key + "-2", "during the outage").expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .valueEquals(HttpHeaders.RETRY_AFTER, "10")
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(503);

        server = EmbeddedMongo.inMemory(PORT);
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        assertThat(notes("during the outage")).isZero();
        createNote(key + "-2", "during the outage").expectStatus().isCreated();
        createNote(key + "-2", "during the outage").expectStatus().isCreated();
        assertThat(notes("during the outage")).isEqualTo(1);
    }

    private ResponseSpec createNote(String key, String text) {
        return client.post()
            .uri(NoteController.NOTES)
            .headers(TestJwts.token("env-editor", PlatformRoles.BUREAU_EDITOR).bearer())
            .header(IdempotencyKeys.HEADER, key)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"text\": \"" + text + "\"}")
            .exchange();
    }

    private long notes(String text) {
        return template.count(Query.query(Criteria.where("text").is(text)), NoteController.Note.class)
            .block(Duration.ofSeconds(5));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class OwnServer {

        @Bean
        @Primary
        MongoConnectionDetails outageTestMongo() {
            ConnectionString connection = new ConnectionString("mongodb://127.0.0.1:" + PORT + "/outage_test");
            return () -> connection;
        }
    }
}
