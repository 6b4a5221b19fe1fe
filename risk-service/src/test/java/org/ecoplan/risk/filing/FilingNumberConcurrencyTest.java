package org.ecoplan.risk.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.risk.filing.FilingFixtures.PATH;
import static org.ecoplan.risk.filing.FilingFixtures.enterprise;
import static org.ecoplan.risk.filing.FilingFixtures.reviewer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.ecoplan.common.testing.MongoTestConfiguration;
import org.ecoplan.common.testing.TestJwts;
import org.ecoplan.common.time.BureauDay;
import org.ecoplan.risk.grading.RiskLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** 50 reviewers accept 50 filings of one county at once: 50 distinct numbers, serials 1 to 50. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "120s")
@Import({ MongoTestConfiguration.class, TestJwts.class })
class FilingNumberConcurrencyTest {

    private static final int FILINGS = 50;

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    @Test
    void fiftyConcurrentAcceptsGetFiftyDistinctNumbers() throws Exception {
        template.dropCollection("enterprises").block();
        template.remove(new Query(), EmergencyPlanFiling.class).block();
        List<String> ids = IntStream.rangeClosed(1, FILINGS).mapToObj(this::submittedFiling).toList();
        String token = reviewer().encode();

        ExecutorService reviewers = Executors.newFixedThreadPool(FILINGS);
        try {
            List<Callable<String>> accepts = ids.stream().<Callable<String>>map(id -> () -> (String) client.post()
                .uri(PATH + "/" + id + "/accept")
                .headers(headers -> headers.setBearerAuth(token))
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody().get("filingNumber")).toList();
            List<String> numbers = reviewers.invokeAll(accepts).stream().map(FilingNumberConcurrencyTest::get)
                .toList();
            int year = LocalDate.now(BureauDay.ZONE).getYear();
            assertThat(numbers).doesNotHaveDuplicates().hasSize(FILINGS)
                .allMatch(number -> number.matches("430602-" + year + "-\\d{3}-[LMH]"));
            assertThat(numbers.stream().map(number -> number.substring(0, 15)).distinct()).hasSize(FILINGS);
            assertThat(template.count(new Query(), FilingNumbers.ISSUED).block()).isGreaterThanOrEqualTo(FILINGS);
        }
        finally {
            reviewers.shutdownNow();
        }
    }

    @Test
    void concurrentAcceptsOfOneFilingDrawOneNumber() throws Exception {
        template.dropCollection("enterprises").block();
        template.remove(new Query(), EmergencyPlanFiling.class).block();
        template.remove(new Query(), FilingNumbers.ISSUED).block();
        String id = submittedFiling(1);
        String token = reviewer().encode();

        ExecutorService reviewers = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> accepts = IntStream.range(0, 10).<Callable<Integer>>mapToObj(i -> () -> client
                .post().uri(PATH + "/" + id + "/accept")
                .headers(headers -> headers.setBearerAuth(token))
                .header(HttpHeaders.IF_MATCH, "\"0\"")
                .exchange()
                .returnResult(String.class).getStatus().value()).toList();
            List<Integer> statuses = reviewers.invokeAll(accepts).stream().map(FilingNumberConcurrencyTest::get)
                .toList();
            assertThat(statuses).containsOnlyOnce(200).allMatch(status -> status == 200 || status == 412
                    || status == 409);
            assertThat(template.count(new Query(), FilingNumbers.ISSUED).block()).isEqualTo(1);
        }
        finally {
            reviewers.shutdownNow();
        }
    }

    private String submittedFiling(int i) {
        String enterpriseId = "E-430602-%04d".formatted(i);
        template.insert(enterprise(enterpriseId, "TEST%014d".formatted(i), RiskLevel.values()[i % 3])).block();
        LocalDate today = LocalDate.now(BureauDay.ZONE);
        EmergencyPlanFiling filing = new EmergencyPlanFiling(null, enterpriseId, null, "430602", today,
                RiskLevel.values()[i % 3], false, FilingStatus.SUBMITTED, List.of(), List.of(), today.plusDays(28),
                false, false, 0, List.of(new Submission(Instant.now(), today, "e", today.plusDays(7), false)),
                today.plusDays(7), List.of(), null, null, null, null, null, null, Instant.now(), "e", null);
        return template.insert(filing).block().id();
    }

    private static <T> T get(Future<T> accepted) {
        try {
            return accepted.get();
        }
        catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }
}
