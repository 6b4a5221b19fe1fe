package org.ecoplan.indicator.water;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.indicator.water.WaterApi.SITES;
import static org.ecoplan.indicator.water.WaterApi.site;

import java.util.List;
import java.util.stream.Stream;

import org.ecoplan.common.testing.AuthenticationFailures;
import org.ecoplan.common.testing.AuthenticationFailures.Call;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

class SiteApiTest extends WaterApiTests {

    /** The plan's water bodies, in code order. */
    private static final List<String> PLAN_SITES = List.of("BAIHELONG-SHUIKU", "BAJIAO-SHUIKU", "BAJIAOHU",
            "DONGFENGHU", "DONGTINGHU", "HUANGMEIGANG", "JIJIAHU", "NANHU", "WANGJIAHE");

    @Autowired
    private WaterSiteSeeder seeder;

    @Autowired
    private ReactiveMongoTemplate template;

    @Test
    void thePlansLakesRiversAndReservoirsAreSeeded() {
        List<JsonNode> sites = api.read(SITES + "?size=200").get("items").valueStream().toList();

        assertThat(sites.stream().map(site -> site.get("code").asString())).containsAll(PLAN_SITES);
        JsonNode dongting = api.read(SITES + "/DONGTINGHU");
        assertThat(dongting.at("/name/zh").asString()).isEqualTo("洞庭湖（岳阳楼区段）");
        assertThat(dongting.get("waterbody").asString()).isEqualTo("LAKE");
        assertThat(dongting.get("targetClass").asString()).isEqualTo("IV");
        assertThat(dongting.get("targetBasis").asString()).contains("洞庭湖区水质维持为Ⅳ类");
        assertThat(dongting.get("location").isNull()).isTrue();
        assertThat(dongting.has("id")).isFalse();
        for (String innerLake : List.of("NANHU", "BAJIAOHU", "DONGFENGHU")) {
            assertThat(api.read(SITES + "/" + innerLake).get("targetClass").asString()).isEqualTo("III");
        }
        JsonNode wangjia = api.read(SITES + "/WANGJIAHE");
        assertThat(wangjia.get("waterbody").asString()).isEqualTo("RIVER");
        assertThat(wangjia.get("targetClass").isNull()).isTrue();
        assertThat(api.read(SITES + "/BAJIAO-SHUIKU").get("waterbody").asString()).isEqualTo("RESERVOIR");
    }

    @Test
    void listFiltersByWaterbody() {
        assertThat(api.read(SITES + "?waterbody=RESERVOIR&size=200").get("items").valueStream()
                .map(site -> site.get("waterbody").asString())).isNotEmpty().containsOnly("RESERVOIR");
        client.get().uri(SITES + "?waterbody=SEA").headers(Caller.VIEWER_OF_ENV.bearer()).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void seedingAgainInsertsNothingAndKeepsEdits() {
        template.updateFirst(Query.query(Criteria.where("code").is("JIJIAHU")),
                Update.update("name.en", "Jijia Lake (Jijiahu)"), MonitoringSite.class).block();

        assertThat(seeder.seed().block()).isZero();

        assertThat(api.read(SITES + "/JIJIAHU").at("/name/en").asString()).isEqualTo("Jijia Lake (Jijiahu)");
        assertThat(template.count(Query.query(Criteria.where("code").in(PLAN_SITES)), MonitoringSite.class).block())
                .isEqualTo(PLAN_SITES.size());
    }

    @Test
    void createAnswers201WithLocationAndVersionAndARepeatAnswersTheSameSite() {
        String code = newCode();
        String body = """
                {"code": "%s", "name": {"zh": "新墙河", "en": "Xinqiang River"}, "waterbody": "RIVER",
                 "targetClass": "III", "location": {"latitude": 29.1234, "longitude": 113.05}}""".formatted(code);

        api.createSite(body, Caller.WATER_EDITOR.bearer())
                .expectStatus().isCreated()
                .expectHeader().location("/api/v1/water-quality/sites/" + code)
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody()
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.targetClass").isEqualTo("III")
                .jsonPath("$.location.latitude").isEqualTo(29.1234)
                .jsonPath("$.version").isEqualTo(0);
        api.createSite(body, Caller.WATER_EDITOR.bearer()).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(0);
        api.createSite(site(code, "LAKE"), Caller.WATER_EDITOR.bearer()).expectStatus().isEqualTo(409);
    }

    @Test
    void invalidSitesAre400ListingEveryField() {
        api.createSite("""
                {"code": "lower case", "name": {"zh": "x"}, "location": {"latitude": 95, "longitude": 113}}""",
                Caller.ECO_ADMIN.bearer())
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("code", "location.latitude", "waterbody"));
        api.createSite("""
                {"code": "X-1", "name": {"zh": "x"}, "waterbody": "LAKE", "targetClass": "VI"}""",
                Caller.ECO_ADMIN.bearer())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("targetClass");
    }

    @Test
    void replaceNeedsTheCurrentVersionInIfMatch() {
        String code = newCode();
        api.createSite(code, "LAKE");
        String changed = """
                {"code": "%s", "name": {"zh": "改名"}, "waterbody": "LAKE", "targetClass": "II"}""".formatted(code);

        put(code, changed, null).expectStatus().isEqualTo(428)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        put(code, changed, "\"7\"").expectStatus().isEqualTo(412)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        put(code, changed, "\"0\"").expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody()
                .jsonPath("$.name.zh").isEqualTo("改名")
                .jsonPath("$.targetClass").isEqualTo("II")
                .jsonPath("$.version").isEqualTo(1);
        put(code, changed, "\"0\"").expectStatus().isEqualTo(412);
        client.get().uri(SITES + "/{code}", code).headers(Caller.VIEWER_OF_ENV.bearer()).exchange()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
    }

    @Test
    void aWeakTagNamesItsVersionAsEverywhereOnThePlatform() {
        String code = newCode();
        api.createSite(code, "LAKE");

        put(code, site(code, "RIVER"), "W/\"0\"").expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
        put(code, site(code, "LAKE"), "W/\"0\"").expectStatus().isEqualTo(412);
        delete(code, "W/\"0\"").expectStatus().isEqualTo(412);
        delete(code, "W/\"1\"").expectStatus().isNoContent();
    }

    @Test
    void replaceKeepsTheCode() {
        String code = newCode();
        api.createSite(code, "LAKE");

        put(code, site("OTHER-CODE", "LAKE"), "\"0\"").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
        put("NO-SUCH-SITE", site("NO-SUCH-SITE", "LAKE"), "\"0\"").expectStatus().isNotFound();
    }

    @Test
    void deleteNeedsIfMatchAndASiteWithoutSamples() {
        String empty = newCode();
        api.createSite(empty, "RIVER");
        delete(empty, null).expectStatus().isEqualTo(428);
        delete(empty, "\"3\"").expectStatus().isEqualTo(412);
        delete(empty, "\"0\"").expectStatus().isNoContent();
        client.get().uri(SITES + "/{code}", empty).headers(Caller.VIEWER_OF_ENV.bearer()).exchange()
                .expectStatus().isNotFound();
        delete(empty, "\"0\"").expectStatus().isNotFound();

        String sampled = newCode();
        api.createSite(sampled, "RIVER");
        api.enterSample(sampled, "2020-06-01", "{\"do\": 7}");
        delete(sampled, "\"0\"").expectStatus().isEqualTo(409);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Caller.class)
    void onlyAdminsAndEditorsOfEnvOrWaterCreateReplaceAndDelete(Caller caller) {
        String code = newCode();
        api.createSite(site(code, "LAKE"), caller.bearer())
                .expectStatus().isEqualTo(caller.edits() ? 201 : 403);

        String existing = newCode();
        api.createSite(existing, "LAKE");
        put(existing, site(existing, "RIVER"), "\"0\"", caller)
                .expectStatus().isEqualTo(caller.edits() ? 200 : 403);
        delete(existing, caller.edits() ? "\"1\"" : "\"0\"", caller)
                .expectStatus().isEqualTo(caller.edits() ? 204 : 403);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Caller.class)
    void everyPlatformRoleReadsTheSites(Caller caller) {
        client.get().uri(SITES).headers(caller.bearer()).exchange().expectStatus().isOk();
        client.get().uri(SITES + "/NANHU").headers(caller.bearer()).exchange().expectStatus().isOk();
    }

    @TestFactory
    Stream<DynamicTest> whoIsNoPlatformUserIsTurnedAwayFromEverySiteEndpoint() {
        return AuthenticationFailures.of(client, Call.get(SITES), Call.get(SITES + "/NANHU"),
                Call.post(SITES, MediaType.APPLICATION_JSON, site(newCode(), "LAKE")),
                Call.put(SITES + "/NANHU", MediaType.APPLICATION_JSON, site("NANHU", "LAKE")),
                Call.delete(SITES + "/NANHU"));
    }

    @Test
    void apiDocsDescribeEveryWaterEndpoint() {
        JsonNode docs = client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(docs.get("paths").propertyNames()).contains("/api/v1/water-quality/classify",
                "/api/v1/water-quality/sites", "/api/v1/water-quality/sites/{code}",
                "/api/v1/water-quality/sites/{code}/samples", "/api/v1/water-quality/sites/{code}/samples/{id}",
                "/api/v1/water-quality/sites/{code}/annual", "/api/v1/water-quality/annual");
    }

    private WebTestClient.ResponseSpec put(String code, String body, String ifMatch) {
        return put(code, body, ifMatch, Caller.ENV_EDITOR);
    }

    private WebTestClient.ResponseSpec put(String code, String body, String ifMatch, Caller caller) {
        return client.put().uri(SITES + "/{code}", code).headers(caller.bearer()).headers(WaterApi.ifMatch(ifMatch))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec delete(String code, String ifMatch) {
        return delete(code, ifMatch, Caller.ECO_ADMIN);
    }

    private WebTestClient.ResponseSpec delete(String code, String ifMatch, Caller caller) {
        return client.delete().uri(SITES + "/{code}", code).headers(caller.bearer()).headers(WaterApi.ifMatch(ifMatch))
                .exchange();
    }

    private static String newCode() {
        return newCode("SITE");
    }
}
