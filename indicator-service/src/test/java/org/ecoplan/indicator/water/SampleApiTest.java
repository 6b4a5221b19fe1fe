package org.ecoplan.indicator.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.indicator.water.ClassifyApiTest.texts;
import static org.ecoplan.indicator.water.WaterApi.SITES;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

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
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

class SampleApiTest extends WaterApiTests {

    @Test
    void aSampleIsClassedOnEntryAndStoredWithItsClasses() {
        String lake = newSite("LAKE");

        api.enterSample(lake, """
                {"date": "2021-05-12", "time": "09:30", "parameters": {"tn": 0.9, "do": 6.2, "codmn": 4.5, "cod": 18,
                 "bod5": 3.5, "nh3n": 0.8, "tp": 0.04, "ph": 7.4}}""", Caller.WATER_EDITOR.bearer())
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location)
                        .startsWith("/api/v1/water-quality/sites/" + lake + "/samples/"));

        JsonNode stored = api.read(SITES + "/{code}/samples", lake).get("items").get(0);
        assertThat(stored.get("site").asString()).isEqualTo(lake);
        assertThat(stored.get("date").asString()).isEqualTo("2021-05-12");
        assertThat(stored.get("time").asString()).isEqualTo("09:30");
        assertThat(stored.get("waterbody").asString()).isEqualTo("LAKE");
        assertThat(stored.get("class").asString()).isEqualTo("III");
        assertThat(texts(stored.get("limitingParameters"))).containsExactly("codmn", "cod", "bod5", "nh3n", "tp",
                "tn");
        assertThat(stored.at("/parameterClasses/do").asString()).isEqualTo("II");
        assertThat(stored.get("parameters").propertyNames()).containsExactly("do", "codmn", "cod", "bod5", "nh3n",
                "tp", "tn", "ph");
        assertThat(stored.at("/parameters/tp").decimalValue()).isEqualByComparingTo("0.04");
        assertThat(stored.get("standard").asString()).isEqualTo("GB 3838-2002");
        assertThat(stored.get("enteredBy").asString()).isEqualTo("water-editor");
        assertThat(stored.get("id").asString()).isNotBlank();
    }

    @Test
    void aRiversNitrogenIsStoredButDecidesNothing() {
        String river = newSite("RIVER");

        JsonNode sample = api.enterSample(river, "2021-06-01", "{\"nh3n\": 0.4, \"tn\": 3.2}");

        assertThat(sample.get("class").asString()).isEqualTo("II");
        assertThat(texts(sample.get("notClassified"))).containsExactly("tn");
        assertThat(sample.at("/parameters/tn").decimalValue()).isEqualByComparingTo("3.2");
    }

    @Test
    void enteringIsIdempotentPerSiteDateAndTime() {
        String river = newSite("RIVER");
        String sample = """
                {"date": "2021-07-01", "time": "10:00", "parameters": {"do": 5.5, "nh3n": 0.50}}""";

        String first = api.enterSample(river, sample, Caller.ENV_EDITOR.bearer()).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        api.enterSample(river, sample.replace("0.50", "0.5").replace("10:00", "10:00:00"), Caller.ENV_EDITOR.bearer())
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(first);
        api.enterSample(river, sample.replace("5.5", "5.6"), Caller.ENV_EDITOR.bearer())
                .expectStatus().isEqualTo(409);
        api.enterSample(river, sample.replace("10:00", "15:00"), Caller.ENV_EDITOR.bearer())
                .expectStatus().isCreated();
        api.enterSample(river, """
                {"date": "2021-07-01", "parameters": {"do": 5.5}}""", Caller.ENV_EDITOR.bearer())
                .expectStatus().isCreated();
        api.enterSample(river, """
                {"date": "2021-07-01", "parameters": {"do": 5.5}}""", Caller.ENV_EDITOR.bearer())
                .expectStatus().isOk();

        assertThat(api.read(SITES + "/{code}/samples", river).get("total").asInt()).isEqualTo(3);
    }

    @Test
    void badSamplesAre422ListingEveryFieldAndNothingIsStored() {
        String lake = newSite("LAKE");

        JsonNode problem = api.enterSample(lake, """
                {"parameters": {"do": -2, "turbidity": 4, "ph": 14.2}}""", Caller.ECO_ADMIN.bearer())
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactly("date", "parameters.do", "parameters.ph", "parameters.turbidity");
        api.enterSample(lake, "{\"date\": \"2021-02-30\", \"parameters\": {\"do\": 7}}", Caller.ECO_ADMIN.bearer())
                .expectStatus().isBadRequest();
        api.enterSample(lake, "{\"date\": \"2021-03-01\", \"parameters\": {}}", Caller.ECO_ADMIN.bearer())
                .expectStatus().isEqualTo(422);
        assertThat(api.read(SITES + "/{code}/samples", lake).get("total").asInt()).isZero();
        verify(indicators, never()).recordWorseThanVShare(any());
    }

    @Test
    void anUnknownSiteIs404() {
        api.enterSample("NO-SUCH-SITE", "{\"date\": \"2021-03-01\", \"parameters\": {\"do\": 7}}",
                Caller.ECO_ADMIN.bearer())
                .expectStatus().isNotFound();
        client.get().uri(SITES + "/NO-SUCH-SITE/samples").headers(Caller.VIEWER_OF_ENV.bearer()).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void everyEntryRecordsTheYearsShareForThePlansIndicator() {
        String river = newSite("RIVER");
        clearInvocations(indicators);

        api.enterSample(river, "2022-03-01", "{\"nh3n\": 2.5}");

        ArgumentCaptor<AnnualReport> report = ArgumentCaptor.forClass(AnnualReport.class);
        verify(indicators).recordWorseThanVShare(report.capture());
        assertThat(report.getValue().year()).isEqualTo(2022);
        assertThat(report.getValue().items()).anySatisfy(site -> {
            assertThat(site.site()).isEqualTo(river);
            assertThat(site.waterClass()).isEqualTo(WaterQualityClass.WORSE_THAN_V);
        });
    }

    @Test
    void aFailedRecordingIsDoneAgainByRetryingTheEntry() {
        String river = newSite("RIVER");
        String sample = "{\"date\": \"2022-04-01\", \"parameters\": {\"do\": 7}}";
        when(indicators.recordWorseThanVShare(any())).thenReturn(Mono.error(new IllegalStateException("down")));
        api.enterSample(river, sample, Caller.ECO_ADMIN.bearer()).expectStatus().is5xxServerError();

        when(indicators.recordWorseThanVShare(any())).thenReturn(Mono.empty());
        clearInvocations(indicators);
        api.enterSample(river, sample, Caller.ECO_ADMIN.bearer()).expectStatus().isOk();

        verify(indicators).recordWorseThanVShare(argThat(report -> report.year() == 2022));
    }

    @Test
    void listsTheSitesSamplesByYearInSamplingOrder() {
        String lake = newSite("LAKE");
        api.enterSample(lake, "2023-08-01", "{\"tp\": 0.03}");
        api.enterSample(lake, "2023-02-01", "{\"tp\": 0.02}");
        api.enterSample(lake, "2024-01-15", "{\"tp\": 0.01}");

        JsonNode of2023 = api.read(SITES + "/{code}/samples?year=2023", lake);
        assertThat(of2023.get("total").asInt()).isEqualTo(2);
        assertThat(of2023.get("items").valueStream().map(item -> item.get("date").asString()))
                .containsExactly("2023-02-01", "2023-08-01");
        assertThat(api.read(SITES + "/{code}/samples?size=1&page=2", lake).at("/items/0/date").asString())
                .isEqualTo("2024-01-15");
    }

    @Test
    void deletingASampleNeedsIfMatchAndRecordsTheYearAgain() {
        String lake = newSite("LAKE");
        String id = api.enterSample(lake, "2019-05-05", "{\"tp\": 0.3}").get("id").asString();
        api.enterSample(lake, "2019-06-05", "{\"tp\": 0.1}");
        clearInvocations(indicators);

        deleteSample(lake, id, null, Caller.ECO_ADMIN).expectStatus().isEqualTo(428);
        deleteSample(lake, id, "\"1\"", Caller.ECO_ADMIN).expectStatus().isEqualTo(412);
        deleteSample("NANHU", id, "\"0\"", Caller.ECO_ADMIN).expectStatus().isNotFound();
        deleteSample(lake, id, "W/\"0\"", Caller.ECO_ADMIN).expectStatus().isNoContent();
        deleteSample(lake, id, "\"0\"", Caller.ECO_ADMIN).expectStatus().isNotFound();

        assertThat(api.read(SITES + "/{code}/samples", lake).get("total").asInt()).isEqualTo(1);
        ArgumentCaptor<AnnualReport> report = ArgumentCaptor.forClass(AnnualReport.class);
        verify(indicators).recordWorseThanVShare(report.capture());
        assertThat(report.getValue().year()).isEqualTo(2019);
        assertThat(report.getValue().items()).filteredOn(site -> site.site().equals(lake)).singleElement()
                .satisfies(site -> assertThat(site.waterClass()).isEqualTo(WaterQualityClass.IV));
    }

    /** A share of no sites would be a number about nothing; the one recorded from the deleted sample goes. */
    @Test
    void deletingTheLastSampleOfAYearWithdrawsItsShare() {
        String lake = newSite("LAKE");
        String id = api.enterSample(lake, "2018-05-05", "{\"tp\": 0.3}").get("id").asString();
        verify(indicators).recordWorseThanVShare(argThat(report -> report.year() == 2018));
        clearInvocations(indicators);

        deleteSample(lake, id, "\"0\"", Caller.ECO_ADMIN).expectStatus().isNoContent();

        verify(indicators, never()).recordWorseThanVShare(any());
        verify(indicators).withdrawWorseThanVShare(2018);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Caller.class)
    void onlyAdminsAndEditorsOfEnvOrWaterEnterAndDeleteSamples(Caller caller) {
        String river = newSite("RIVER");
        api.enterSample(river, "{\"date\": \"2021-09-09\", \"parameters\": {\"do\": 7}}", caller.bearer())
                .expectStatus().isEqualTo(caller.edits() ? 201 : 403);

        String id = api.enterSample(river, "2021-10-10", "{\"do\": 6}").get("id").asString();
        deleteSample(river, id, "\"0\"", caller).expectStatus().isEqualTo(caller.edits() ? 204 : 403);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Caller.class)
    void everyPlatformRoleReadsSamples(Caller caller) {
        client.get().uri(SITES + "/NANHU/samples").headers(caller.bearer()).exchange().expectStatus().isOk();
    }

    @TestFactory
    Stream<DynamicTest> whoIsNoPlatformUserIsTurnedAwayFromEverySampleEndpoint() {
        return AuthenticationFailures.of(client, Call.get(SITES + "/NANHU/samples"),
                Call.post(SITES + "/NANHU/samples", MediaType.APPLICATION_JSON,
                        "{\"date\": \"2021-01-01\", \"parameters\": {\"do\": 7}}"),
                Call.delete(SITES + "/NANHU/samples/any"));
    }

    private WebTestClient.ResponseSpec deleteSample(String site, String id, String ifMatch, Caller caller) {
        return client.delete().uri(SITES + "/{code}/samples/{id}", site, id).headers(caller.bearer()).headers(WaterApi.ifMatch(ifMatch))
                .exchange();
    }

    private String newSite(String waterbody) {
        String code = newCode("SAMPLED");
        api.createSite(code, waterbody);
        return code;
    }
}
