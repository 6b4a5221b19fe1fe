package org.ecoplan.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * indicator-service killed (SIGKILL) while it stores a bulk observation import sent through the gateway with an
 * {@code Idempotency-Key}: the client gets an error or the complete receipt, and after the service is back the
 * retry with the same key leaves every row stored exactly once. MongoDB runs as its own process, so the data
 * outlives the kill. Ordered last (junit-platform.properties) so that the restart cannot disturb other classes.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(TestPlatform.Resolver.class)
class BulkImportCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SERVICE = "indicator-service";
    private static final String HEADER = "indicatorCode,period,value,source,method,note";
    /** Every month from 1950 to 2099: large enough that storing it takes seconds, so the kill lands inside. */
    private static final int FIRST_YEAR = 1950;
    private static final int YEARS = 150;
    private static final int ROWS = YEARS * 12;
    /** The key's lease (common's IdempotencyProperties, 2 min) has to run out before the retry may run. */
    private static final Duration RETRY_FOR = Duration.ofMinutes(4);

    private static TestPlatform platform;
    private static Keycloak keycloak;

    @BeforeAll
    static void usePlatform(TestPlatform started) {
        platform = started;
        keycloak = started.keycloak();
    }

    @Test
    void killedWhileImportingLosesNothingAndTheRetryWithTheSameKeyStoresEveryRowOnce() throws Exception {
        String code = createIndicator();
        String file = monthlyRows(code);
        String key = UUID.randomUUID().toString();

        CompletableFuture<HttpResponse<String>> first = importAsync(file, key);
        int visible = awaitFirstStoredRows(code);
        assertThat(visible).as("rows published; the import answered %s",
                first.isDone() ? first.join().statusCode() + " " + first.join().body() : "nothing yet").isPositive();
        platform.platform().kill(SERVICE);
        System.out.printf("BulkImportCrashIT: killed %s with %d of %d rows visible%n", SERVICE, visible, ROWS);

        HttpResponse<String> answer = first.join();
        System.out.printf("BulkImportCrashIT: the client's first answer: %d%n", answer.statusCode());
        if (answer.statusCode() == 201) {
            assertThat(JSON.readTree(answer.body()).get("imported").asInt()).isEqualTo(ROWS);
        } else {
            assertThat(answer.statusCode()).as("an error, never a partial success").isGreaterThanOrEqualTo(500);
        }

        platform.platform().start(SERVICE);
        JsonNode receipt = retryUntilStored(file, key);

        assertThat(receipt.get("imported").asInt()).isEqualTo(ROWS);
        String editor = keycloak.userToken("env-editor");
        assertThat(total("/api/v1/indicators/" + code + "/observations?size=1", editor))
                .as("rows of the indicator: none lost, none twice").isEqualTo(ROWS);
        assertThat(total("/api/v1/indicators/observations?size=1&importId=" + receipt.get("importId").asText(),
                editor)).as("all under the one import").isEqualTo(ROWS);
        assertThat(platform.platform().status()).filteredOn(status -> status.name().equals(SERVICE))
                .singleElement().satisfies(status -> assertThat(status.state()).isEqualTo("UP"));
    }

    /** An indicator of its own, so that the rows counted are this test's alone. */
    private String createIndicator() throws Exception {
        String code = "CRASH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String draft = """
                {"code": "%s", "category": ["故障测试"], "name": {"zh": "批量导入故障测试", "en": "Bulk import crash test"},
                 "unit": "%%", "baseline": {"year": 2020, "value": 80, "text": "80"},
                 "target": {"year": 2025, "type": "NUMERIC", "value": 90, "direction": "HIGHER_IS_BETTER", "text": "90"},
                 "attribute": "EXPECTED", "department": "env"}""".formatted(code);
        HttpResponse<String> created = HTTP.send(request("/api/v1/indicators", keycloak.userToken("eco-admin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(draft)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return code;
    }

    private static String monthlyRows(String code) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (int year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
            for (int month = 1; month <= 12; month++) {
                lines.add("%s,%d-%02d,%d.5,故障测试站,月报,".formatted(code, year, month, 60 + (year + month) % 30));
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private CompletableFuture<HttpResponse<String>> importAsync(String file, String key) {
        return HTTP.sendAsync(request("/api/v1/indicators/observations/import", keycloak.userToken("env-editor"))
                .header("Content-Type", "text/csv")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(file)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Polls the indicator's rows until some are visible, that is until the import is publishing (the gateway may
     * have answered 504 meanwhile: the service goes on); how many were.
     */
    private int awaitFirstStoredRows(String code) throws Exception {
        String editor = keycloak.userToken("env-editor");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        int visible = 0;
        while (visible == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            visible = total("/api/v1/indicators/" + code + "/observations?size=1", editor);
        }
        return visible;
    }

    /** The retry as a client does it: again after each 409 (the key's first request may still run) or 5xx. */
    private JsonNode retryUntilStored(String file, String key) throws Exception {
        Instant deadline = Instant.now().plus(RETRY_FOR);
        List<Integer> statuses = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = importAsync(file, key).join();
            statuses.add(response.statusCode());
            if (response.statusCode() == 201) {
                System.out.printf("BulkImportCrashIT: retried %d times, answers %s%n", statuses.size(), statuses);
                return JSON.readTree(response.body());
            }
            assertThat(response.statusCode()).as(response.body()).satisfiesAnyOf(
                    status -> assertThat(status).isEqualTo(409), status -> assertThat(status).isGreaterThan(500));
            Thread.sleep(2000);
        }
        throw new AssertionError("the import was not stored within " + RETRY_FOR + "; answers " + statuses);
    }

    private int total(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = platform.get(path, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("total").asInt();
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(TestPlatform.REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
    }
}
