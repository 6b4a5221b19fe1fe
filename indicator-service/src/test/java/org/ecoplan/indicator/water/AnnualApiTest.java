package org.ecoplan.indicator.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.indicator.water.ClassifyApiTest.texts;
import static org.ecoplan.indicator.water.WaterApi.SITES;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ecoplan.common.testing.AuthenticationFailures;
import org.ecoplan.common.testing.AuthenticationFailures.Call;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Each test has a year of its own, so the samples of other tests never enter its results. */
class AnnualApiTest extends WaterApiTests {

    /**
     * By hand, 2031. Lake (target III): TP (0.04 + 0.05 + 0.07) / 3 = 0.0533 > 0.05, Class IV; NH3-N 0.9 III; DO
     * (5.5 + 6.5) / 2 = 6 II; TN 2.1 reported apart as 劣V. River: NH3-N (2.1 + 2.3) / 2 = 2.2 > 2.0, 劣V; COD 30 IV.
     * Reservoir: TP (0.02 + 0.03) / 2 = 0.025, Class II exactly at the limit; TN 2.8 would be 劣V by GB 3838-2002's
     * table but is a reference indicator under 环办〔2011〕22号. One of three assessed sites is 劣V: 33.3 %.
     */
    @Test
    void classesEachSitesYearFromItsMeansAndCountsTheShareWorseThanV() {
        String lake = newSite("LAKE", "III");
        String river = newSite("RIVER", null);
        String reservoir = newSite("RESERVOIR", null);
        api.enterSample(lake, "2031-01-10", "{\"tp\": 0.04, \"nh3n\": 0.9, \"do\": 5.5, \"tn\": 1.8}");
        api.enterSample(lake, "2031-05-10", "{\"tp\": 0.05, \"nh3n\": 1.2, \"do\": 6.5, \"tn\": 2.4}");
        api.enterSample(lake, "2031-09-10", "{\"tp\": 0.07, \"nh3n\": 0.6, \"tn\": 2.1}");
        api.enterSample(lake, "2032-01-10", "{\"tp\": 0.5}");
        api.enterSample(river, "2031-03-03", "{\"nh3n\": 2.1, \"cod\": 25}");
        api.enterSample(river, "2031-08-03", "{\"nh3n\": 2.3, \"cod\": 35}");
        api.enterSample(reservoir, "2031-04-04", "{\"tp\": 0.02, \"tn\": 3.0}");
        api.enterSample(reservoir, "2031-10-04", "{\"tp\": 0.03, \"tn\": 2.6}");

        JsonNode year = api.read("/api/v1/water-quality/annual?year=2031");

        assertThat(year.get("year").asInt()).isEqualTo(2031);
        assertThat(year.get("assessedSites").asInt()).isEqualTo(3);
        assertThat(year.get("worseThanVSites").asInt()).isEqualTo(1);
        assertThat(year.get("worseThanVShare").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(year.get("sites").asInt()).isEqualTo(year.get("items").size());
        assertThat(year.get("method").asString()).contains("环办〔2011〕22号", "GB 3838-2002");

        JsonNode lakeYear = item(year, lake);
        assertThat(lakeYear.get("samples").asInt()).isEqualTo(3);
        assertThat(lakeYear.get("class").asString()).isEqualTo("IV");
        assertThat(texts(lakeYear.get("limitingParameters"))).containsExactly("tp");
        assertThat(lakeYear.get("means").properties().stream()
                .map(mean -> Map.entry(mean.getKey(), mean.getValue().decimalValue().toPlainString())))
                .containsExactly(Map.entry("do", "6"), Map.entry("nh3n", "0.9"), Map.entry("tp", "0.0533"),
                        Map.entry("tn", "2.1"));
        assertThat(lakeYear.at("/referenceClasses/tn").asString()).isEqualTo("劣V");
        assertThat(lakeYear.get("targetClass").asString()).isEqualTo("III");
        assertThat(lakeYear.get("meetsTarget").asBoolean()).isFalse();

        JsonNode riverYear = item(year, river);
        assertThat(riverYear.get("class").asString()).isEqualTo("劣V");
        assertThat(texts(riverYear.get("limitingParameters"))).containsExactly("nh3n");
        assertThat(riverYear.at("/parameterClasses/cod").asString()).isEqualTo("IV");
        assertThat(riverYear.get("meetsTarget").isNull()).isTrue();

        JsonNode reservoirYear = item(year, reservoir);
        assertThat(reservoirYear.get("class").asString()).isEqualTo("II");
        assertThat(reservoirYear.at("/means/tp").decimalValue()).isEqualByComparingTo("0.025");
        assertThat(reservoirYear.at("/referenceClasses/tn").asString()).isEqualTo("劣V");

        JsonNode unsampled = item(year, "NANHU");
        assertThat(unsampled.get("samples").asInt()).isZero();
        assertThat(unsampled.get("class").isNull()).isTrue();
        assertThat(unsampled.get("targetClass").asString()).isEqualTo("III");
    }

    @Test
    void theLastEntryOfTheYearRecordsItsShareForThePlansIndicator() {
        String river = newSite("RIVER", null);
        String lake = newSite("LAKE", null);
        api.enterSample(river, "2034-02-02", "{\"nh3n\": 2.6}");
        clearInvocations(indicators);

        api.enterSample(lake, "2034-03-03", "{\"tp\": 0.04}");

        ArgumentCaptor<AnnualReport> recorded = ArgumentCaptor.forClass(AnnualReport.class);
        verify(indicators).recordWorseThanVShare(recorded.capture());
        assertThat(recorded.getValue().year()).isEqualTo(2034);
        assertThat(recorded.getValue().assessedSites()).isEqualTo(2);
        assertThat(recorded.getValue().worseThanVShare()).isEqualByComparingTo("50.0");
    }

    @Test
    void oneSitesYearWithItsMeansAndTarget() {
        String lake = newSite("LAKE", "III");
        api.enterSample(lake, "2035-06-01", "{\"tp\": 0.04, \"ph\": 7.1}");
        api.enterSample(lake, "2035-07-01", "{\"tp\": 0.06, \"ph\": 7.4}");

        JsonNode year = api.read(SITES + "/{code}/annual?year=2035", lake);

        assertThat(year.get("site").asString()).isEqualTo(lake);
        assertThat(year.get("year").asInt()).isEqualTo(2035);
        assertThat(year.get("samples").asInt()).isEqualTo(2);
        assertThat(year.at("/means/tp").decimalValue()).isEqualByComparingTo("0.05");
        assertThat(year.at("/means/ph").decimalValue()).isEqualByComparingTo("7.25");
        assertThat(year.get("class").asString()).isEqualTo("III");
        assertThat(year.get("meetsTarget").asBoolean()).isTrue();

        JsonNode empty = api.read(SITES + "/{code}/annual?year=2036", lake);
        assertThat(empty.get("samples").asInt()).isZero();
        assertThat(empty.get("class").isNull()).isTrue();
        assertThat(empty.get("meetsTarget").isNull()).isTrue();
    }

    @Test
    void changingASitesWaterbodyReclassesItsYearsAndRecordsThemAgain() {
        String site = newSite("LAKE", null);
        api.enterSample(site, "2037-01-01", "{\"tp\": 0.15}");
        assertThat(item(api.read("/api/v1/water-quality/annual?year=2037"), site).get("class").asString())
                .isEqualTo("V");
        clearInvocations(indicators);

        client.put().uri(SITES + "/{code}", site).headers(Caller.WATER_EDITOR.bearer())
                .header(HttpHeaders.IF_MATCH, "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(WaterApi.site(site, "RIVER")).exchange()
                .expectStatus().isOk();

        assertThat(item(api.read("/api/v1/water-quality/annual?year=2037"), site).get("class").asString())
                .isEqualTo("III");
        ArgumentCaptor<AnnualReport> recorded = ArgumentCaptor.forClass(AnnualReport.class);
        verify(indicators, atLeastOnce()).recordWorseThanVShare(recorded.capture());
        assertThat(recorded.getAllValues()).extracting(AnnualReport::year).containsExactly(2037);
    }

    @Test
    void aYearWithoutSamplesHasNoShare() {
        JsonNode year = api.read("/api/v1/water-quality/annual?year=2099");

        assertThat(year.get("assessedSites").asInt()).isZero();
        assertThat(year.get("worseThanVShare").isNull()).isTrue();
        assertThat(year.get("items").valueStream()).allSatisfy(item -> assertThat(item.get("class").isNull()).isTrue());
    }

    @Test
    void theYearIsRequiredAndPlausible() {
        for (String query : List.of("", "?year=1999", "?year=2101", "?year=last")) {
            client.get().uri("/api/v1/water-quality/annual" + query).headers(Caller.VIEWER_OF_ENV.bearer())
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        client.get().uri(SITES + "/NO-SUCH-SITE/annual?year=2030").headers(Caller.VIEWER_OF_ENV.bearer()).exchange()
                .expectStatus().isNotFound();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Caller.class)
    void everyPlatformRoleReadsTheAnnualResults(Caller caller) {
        client.get().uri("/api/v1/water-quality/annual?year=2030").headers(caller.bearer()).exchange()
                .expectStatus().isOk();
        client.get().uri(SITES + "/NANHU/annual?year=2030").headers(caller.bearer()).exchange()
                .expectStatus().isOk();
    }

    @TestFactory
    Stream<DynamicTest> whoIsNoPlatformUserIsTurnedAwayFromTheAnnualResults() {
        return AuthenticationFailures.of(client, Call.get("/api/v1/water-quality/annual?year=2030"),
                Call.get(SITES + "/NANHU/annual?year=2030"));
    }

    private static JsonNode item(JsonNode year, String site) {
        return year.get("items").valueStream().filter(item -> item.get("site").asString().equals(site)).findFirst()
                .orElseThrow();
    }

    private String newSite(String waterbody, String targetClass) {
        String code = newCode("ANNUAL");
        api.createSite("""
                {"code": "%s", "name": {"zh": "年度 %s"}, "waterbody": "%s", "targetClass": %s}"""
                .formatted(code, code, waterbody, targetClass == null ? "null" : "\"" + targetClass + "\""),
                Caller.ECO_ADMIN.bearer())
                .expectStatus().isCreated();
        return code;
    }
}
