package org.ecoplan.common.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.TestClock;
import org.ecoplan.common.testing.TestJwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

@WithTestApplication
class IdempotencyKeysTest {

    @Autowired
    WebTestClient client;

    @Autowired
    ReactiveMongoTemplate template;

    @Autowired
    TestClock clock;

    final Consumer<HttpHeaders> editor = TestJwts.token("env-editor", PlatformRoles.BUREAU_EDITOR).bearer();

    @Test
    void retryReturnsTheFirstResultAndCreatesNothing() {
        String text = unique("first");
        String key = UUID.randomUUID().toString();
        EntityExchangeResult<String> first = post(key, text, editor, 201);
        EntityExchangeResult<String> retry = post(key, text, editor, 201);

        assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(retry.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(retry.getResponseHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(retry.getResponseHeaders().getFirst(IdempotencyKeys.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(first.getResponseHeaders().getFirst(IdempotencyKeys.REPLAYED_HEADER)).isNull();
        assertThat(notes(text)).isEqualTo(1);
    }

    @Test
    void withoutKeyEveryRequestCreates() {
        String text = unique("unkeyed");
        post(null, text, editor, 201);
        post(null, text, editor, 201);
        assertThat(notes(text)).isEqualTo(2);
    }

    @Test
    void sameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        post(key, unique("original"), editor, 201);
        String other = unique("other");
        post(key, other, editor, 422);
        assertThat(notes(other)).isZero();
    }

    @Test
    void sameKeyOfAnotherClientIsItsOwn() {
        String key = UUID.randomUUID().toString();
        String text = unique("shared key");
        post(key, text, editor, 201);
        post(key, text, TestJwts.token("water-editor", PlatformRoles.BUREAU_EDITOR).bearer(), 201);
        assertThat(notes(text)).isEqualTo(2);
    }

    @Test
    void failedRequestReleasesItsKey() {
        String key = UUID.randomUUID().toString();
        post(key, NoteController.REJECTED, editor, 422);
        String corrected = unique("corrected");
        post(key, corrected, editor, 201);
        assertThat(notes(corrected)).isEqualTo(1);
    }

    @Test
    void keyExpiresAfterItsRetention() {
        String key = UUID.randomUUID().toString();
        String text = unique("expiring");
        post(key, text, editor, 201);
        clock.advance(Duration.ofHours(23));
        post(key, text, editor, 201);
        assertThat(notes(text)).isEqualTo(1);

        clock.advance(Duration.ofHours(2));
        EntityExchangeResult<String> afterExpiry = post(key, text, editor, 201);
        assertThat(afterExpiry.getResponseHeaders().getFirst(IdempotencyKeys.REPLAYED_HEADER)).isNull();
        assertThat(notes(text)).isEqualTo(2);
    }

    @Test
    void twentyConcurrentRequestsWithOneKeyCreateExactlyOne() {
        String key = UUID.randomUUID().toString();
        String text = unique("concurrent");
        List<EntityExchangeResult<String>> results = Flux.range(0, 20)
            .parallel(20)
            .runOn(Schedulers.boundedElastic())
            .map(i -> client.post()
                .uri(NoteController.NOTES)
                .headers(editor)
                .header(IdempotencyKeys.HEADER, key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\": \"" + text + "\"}")
                .exchange()
                .expectBody(String.class)
                .returnResult())
            .sequential()
            .collectList()
            .block();

        assertThat(notes(text)).isEqualTo(1);
        assertThat(results).allSatisfy(result -> assertThat(result.getStatus().value()).isIn(201, 409));
        List<EntityExchangeResult<String>> created = results.stream()
            .filter(result -> result.getStatus().value() == 201)
            .toList();
        assertThat(created).isNotEmpty();
        assertThat(created).extracting(EntityExchangeResult::getResponseBody).containsOnly(
                created.get(0).getResponseBody());
        assertThat(results.stream().filter(result -> result.getStatus().value() == 409)).allSatisfy(
                busy -> assertThat(busy.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "schlüssel", "with space" })
    void malformedKeyIs400(String key) {
        post(key, unique("malformed key"), editor, 400);
    }

    @Test
    void overlongKeyIs400() {
        post("k".repeat(256), unique("long key"), editor, 400);
    }

    private EntityExchangeResult<String> post(String key, String text, Consumer<HttpHeaders> token, int status) {
        return client.post()
            .uri(NoteController.NOTES)
            .headers(token)
            .headers(headers -> {
                if (key != null) {
                    headers.set(IdempotencyKeys.HEADER, key);
                }
            })
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"text\": \"" + text + "\"}")
            .exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectBody(String.class)
            .returnResult();
    }

    private long notes(String text) {
        return template.count(Query.query(Criteria.where("text").is(text)), NoteController.Note.class).block();
    }

    private static String unique(String text) {
        return text + " " + UUID.randomUUID();
    }
}
