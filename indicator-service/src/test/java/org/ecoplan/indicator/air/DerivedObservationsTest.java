package org.ecoplan.indicator.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.MongoTestConfiguration;
import org.ecoplan.common.testing.TestJwts;
import org.ecoplan.indicator.observation.ObservedValue;
import org.ecoplan.indicator.observation.Observations;
import org.ecoplan.indicator.observation.Period;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The plan station's year, imported, reaches the plan's indicators through the real observation records. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The build machine's two cores are shared by several builds; under that load 5 s (the default) was exceeded.
@AutoConfigureWebTestClient(timeout = "60s")
@Import({ MongoTestConfiguration.class, TestJwts.class })
class DerivedObservationsTest {

    @Autowired
    private WebTestClient client;

    @Autowired
    private Observations observations;

    @Test
    void anImportedYearBecomesApprovedDerivedValuesOfAirPm25AndAirGoodDaysOncePerYear() {
        String csv = GeneratedStationYear.csv("城陵矶", 2023);
        importAsEnvEditor(csv).jsonPath("$.derivations.recorded.length()").isEqualTo(2);
        importAsEnvEditor(csv).jsonPath("$.derivations.recorded.length()").isEqualTo(2);

        JsonNode annual = client.get().uri("/api/v1/air-quality/annual?station=城陵矶&year=2023")
            .headers(TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer())
            .exchange()
            .expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<ObservedValue> pm25 = observations.approvedSeries("AIR-PM25").collectList().block();
        List<ObservedValue> goodDays = observations.approvedSeries("AIR-GOOD-DAYS").collectList().block();

        assertThat(pm25).singleElement().satisfies(value -> {
            assertThat(value.period()).isEqualTo(Period.ofYear(2023));
            assertThat(value.value()).isEqualByComparingTo(annual.get("pm25Mean").decimalValue());
            assertThat(value.derived()).isTrue();
        });
        assertThat(goodDays).singleElement().satisfies(value -> {
            assertThat(value.value()).isEqualByComparingTo(annual.get("goodDayRatio").decimalValue());
            assertThat(value.derived()).isTrue();
        });
    }

    @Test
    void aYearWhoseDataAreAllTakenBackLosesItsDerivedValuesWithAnAuditEntry() {
        importAsEnvEditor(GeneratedStationYear.csv("城陵矶", 2022));
        ObservedValue pm25 = observations.approvedSeries("AIR-PM25").filter(value -> value.period().equals(Period.ofYear(2022)))
            .blockLast();

        importAsEnvEditor(GeneratedStationYear.withoutValues("城陵矶", LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 12, 31)))
            .jsonPath("$.derivations.recorded").isEmpty()
            .jsonPath("$.derivations.skipped[*].withdrawn").isEqualTo(List.of(true, true));

        assertThat(observations.approvedSeries("AIR-PM25").collectList().block())
            .noneMatch(value -> value.period().equals(Period.ofYear(2022)));
        assertThat(observations.approvedSeries("AIR-GOOD-DAYS").collectList().block())
            .noneMatch(value -> value.period().equals(Period.ofYear(2022)));
        client.get().uri("/api/v1/indicators/AIR-PM25/observations/{id}/history", pm25.observationId())
            .headers(TestJwts.token("viewer", PlatformRoles.BUREAU_VIEWER).bearer())
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.items[0].action").isEqualTo("WITHDRAWN")
            .jsonPath("$.items[0].before.derivation.reference").isEqualTo("城陵矶/2022");
    }

    private WebTestClient.BodyContentSpec importAsEnvEditor(String csv) {
        return client.post().uri("/api/v1/air-quality/hourly")
            .headers(TestJwts.token("env-editor", PlatformRoles.BUREAU_EDITOR).department("env").bearer())
            .contentType(MediaType.parseMediaType("text/csv"))
            .bodyValue(csv)
            .exchange()
            .expectStatus().isOk()
            .expectBody();
    }
}
