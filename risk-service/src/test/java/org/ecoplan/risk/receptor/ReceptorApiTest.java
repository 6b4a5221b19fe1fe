package org.ecoplan.risk.receptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoplan.risk.enterprise.Fixtures.ENTERPRISES;
import static org.ecoplan.risk.enterprise.Fixtures.ENTERPRISE_A;
import static org.ecoplan.risk.enterprise.Fixtures.ENTERPRISE_B;
import static org.ecoplan.risk.enterprise.Fixtures.admin;
import static org.ecoplan.risk.enterprise.Fixtures.creditCode;
import static org.ecoplan.risk.enterprise.Fixtures.draft;
import static org.ecoplan.risk.enterprise.Fixtures.editor;
import static org.ecoplan.risk.enterprise.Fixtures.enterprise;
import static org.ecoplan.risk.enterprise.Fixtures.register;
import static org.ecoplan.risk.enterprise.Fixtures.role;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.risk.RiskServiceTest;
import org.ecoplan.risk.enterprise.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@RiskServiceTest
class ReceptorApiTest {

    private static final String RECEPTORS = "/api/v1/receptors";

    /** Each test works far from the seeded receptors and from the others' points, at its own latitude. */
    private static final AtomicInteger LATITUDE_BAND = new AtomicInteger();

    @Autowired
    private WebTestClient client;

    @Test
    void thePlansReceptorsAreSeededAsApproximatePoints() {
        JsonNode page = get(RECEPTORS + "?size=200", role(PlatformRoles.INTEGRATOR_READ));

        List<String> codes = page.get("items").valueStream().map(item -> item.get("code").asString()).toList();
        assertThat(codes).contains("DW-MABU", "DW-MODAO", "NR-EAST-DONGTING", "SCH-YUEYANG-NO1",
                "HOS-YUEYANG-FIRST", "RES-CHENGLINGJI");
        JsonNode mabu = get(RECEPTORS + "/DW-MABU", role(PlatformRoles.ENTERPRISE));
        assertThat(mabu.at("/name/zh").asString()).isEqualTo("郭镇乡麻布村水厂水源地");
        assertThat(mabu.get("type").asString()).isEqualTo("DRINKING_WATER_SOURCE");
        assertThat(mabu.get("approximate").asBoolean()).isTrue();
        assertThat(get(RECEPTORS + "?type=NATURE_RESERVE", admin()).at("/items/0/code").asString())
            .isEqualTo("NR-EAST-DONGTING");
    }

    @Test
    void listsTheReceptorsWithinARadiusNearestFirstWithTheirDistances() {
        double latitude = 30.0 + LATITUDE_BAND.incrementAndGet();
        String id = enterpriseAt(113.5, latitude);
        String far = receptor("SCHOOL", 113.5, latitude + 0.1);
        String second = receptor("HOSPITAL", 113.5, latitude - 0.02);
        String first = receptor("RESIDENTIAL_AREA", 113.5, latitude + 0.01);

        JsonNode nearby = get(ENTERPRISES + "/" + id + "/receptors", role(PlatformRoles.BUREAU_VIEWER));
        assertThat(nearby.get("radiusKm").asDouble()).isEqualTo(5.0);
        assertThat(codes(nearby)).containsExactly(first, second);
        assertThat(nearby.at("/items/0/distanceKm").asDouble()).isEqualTo(1.112);
        assertThat(nearby.at("/items/1/distanceKm").asDouble()).isEqualTo(2.224);
        assertThat(nearby.get("total").asInt()).isEqualTo(2);

        assertThat(codes(get(ENTERPRISES + "/" + id + "/receptors?radiusKm=12", admin())))
            .containsExactly(first, second, far);
        assertThat(codes(get(ENTERPRISES + "/" + id + "/receptors?radiusKm=1", admin()))).isEmpty();
    }

    @Test
    void theDemoChemicalPlantHasTheChenglingjiResidentsNearby() {
        JsonNode nearby = get(ENTERPRISES + "/" + ENTERPRISE_A + "/receptors", enterprise(ENTERPRISE_A));

        assertThat(codes(nearby)).contains("RES-CHENGLINGJI");
        client.get().uri(ENTERPRISES + "/" + ENTERPRISE_A + "/receptors").headers(enterprise(ENTERPRISE_B))
            .exchange()
            .expectStatus().isNotFound();
    }

    @Test
    void radiusOutOfRangeIs400AndAnEnterpriseWithoutCoordinatesIs409() {
        for (String radius : List.of("0", "-1", "50.5")) {
            client.get().uri(ENTERPRISES + "/" + ENTERPRISE_A + "/receptors?radiusKm=" + radius).headers(admin())
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("radiusKm");
        }
        String id = client.post().uri(ENTERPRISES).headers(admin()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft("岳阳市无坐标有限公司", creditCode(), "env")
                .replace("\"location\": {\"longitude\": 113.176, \"latitude\": 29.446},", ""))
            .exchange()
            .expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        client.get().uri(ENTERPRISES + "/" + id + "/receptors").headers(admin()).exchange()
            .expectStatus().isEqualTo(409);
    }

    @Test
    void adminKeepsTheRegisterWithVersionsAndAudit() {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String body = body(code, "SCHOOL", 113.5, 20.0);
        String key = UUID.randomUUID().toString();

        client.post().uri(RECEPTORS).headers(admin()).header(IdempotencyKeys.HEADER, key)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
            .exchange()
            .expectStatus().isCreated()
            .expectHeader().location(RECEPTORS + "/" + code)
            .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"");
        client.post().uri(RECEPTORS).headers(admin()).header(IdempotencyKeys.HEADER, key)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
            .exchange()
            .expectStatus().isCreated()
            .expectHeader().valueEquals(IdempotencyKeys.REPLAYED_HEADER, "true");
        client.post().uri(RECEPTORS).headers(admin()).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
            .exchange()
            .expectStatus().isEqualTo(409);

        String moved = body(code, "SCHOOL", 113.6, 20.0);
        change(code, null, moved).expectStatus().isEqualTo(428);
        change(code, "\"3\"", moved).expectStatus().isEqualTo(412);
        change(code, "\"0\"", body("OTHER", "SCHOOL", 113.6, 20.0)).expectStatus().isEqualTo(422);
        change(code, "\"0\"", body(code, "SCHOOL", 181, 20.0)).expectStatus().isBadRequest();
        assertThat(get(RECEPTORS + "/" + code, admin()).at("/location/longitude").asDouble()).isEqualTo(113.5);
        change(code, "\"0\"", moved).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");

        client.delete().uri(RECEPTORS + "/" + code).headers(admin()).exchange().expectStatus().isEqualTo(428);
        client.delete().uri(RECEPTORS + "/" + code).headers(admin()).header(HttpHeaders.IF_MATCH, "\"1\"").exchange()
            .expectStatus().isNoContent();
        client.get().uri(RECEPTORS + "/" + code).headers(admin()).exchange().expectStatus().isNotFound();

        JsonNode history = get(RECEPTORS + "/" + code + "/history", editor("water"));
        assertThat(history.get("items").valueStream().map(item -> item.get("action").asString()))
            .containsExactly("DELETED", "UPDATED", "CREATED");
    }

    static Stream<String> everyRoleButAdmin() {
        return Stream.concat(Stream.of(PlatformRoles.BUREAU_EDITOR, PlatformRoles.ENTERPRISE),
                Fixtures.readOnlyRoles());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRoleButAdmin")
    void onlyAdminChangesTheRegister(String role) {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        client.post().uri(RECEPTORS).headers(role(role)).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body(code, "SCHOOL", 113.5, 20.0))
            .exchange()
            .expectStatus().isForbidden();
        client.put().uri(RECEPTORS + "/DW-MABU").headers(role(role)).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(body("DW-MABU", "SCHOOL", 113.5, 20.0))
            .exchange()
            .expectStatus().isForbidden();
        client.delete().uri(RECEPTORS + "/DW-MABU").headers(role(role)).header(HttpHeaders.IF_MATCH, "\"0\"")
            .exchange()
            .expectStatus().isForbidden();
        client.get().uri(RECEPTORS + "/" + code).headers(admin()).exchange().expectStatus().isNotFound();
        assertThat(get(RECEPTORS + "/DW-MABU", admin()).get("type").asString()).isEqualTo("DRINKING_WATER_SOURCE");
    }

    @Test
    void historyIsForBureauStaffAndEverythingNeedsAToken() {
        client.get().uri(RECEPTORS + "/DW-MABU/history").headers(enterprise(ENTERPRISE_A)).exchange()
            .expectStatus().isForbidden();
        client.get().uri(RECEPTORS + "/DW-MABU/history").headers(role(PlatformRoles.INTEGRATOR_READ)).exchange()
            .expectStatus().isForbidden();
        client.get().uri(RECEPTORS).exchange().expectStatus().isUnauthorized();
        client.get().uri(ENTERPRISES + "/" + ENTERPRISE_A + "/receptors").exchange().expectStatus().isUnauthorized();
        client.post().uri(RECEPTORS).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body("T-ANON", "SCHOOL", 113.5, 20.0)).exchange()
            .expectStatus().isUnauthorized();
    }

    private String enterpriseAt(double longitude, double latitude) {
        String id = register(client, "岳阳市距离测试有限公司").get("id").asString();
        client.patch().uri(ENTERPRISES + "/" + id).headers(admin()).header(HttpHeaders.IF_MATCH, "\"0\"")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"location\": {\"longitude\": " + longitude + ", \"latitude\": " + latitude + "}}")
            .exchange()
            .expectStatus().isOk();
        return id;
    }

    private String receptor(String type, double longitude, double latitude) {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        client.post().uri(RECEPTORS).headers(admin()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body(code, type, longitude, latitude))
            .exchange()
            .expectStatus().isCreated();
        return code;
    }

    private static String body(String code, String type, double longitude, double latitude) {
        return """
                {"code": "%s", "name": {"zh": "测试目标", "en": "test receptor"}, "type": "%s",
                 "location": {"longitude": %s, "latitude": %s}, "approximate": false, "note": null}
                """.formatted(code, type, longitude, latitude);
    }

    private WebTestClient.ResponseSpec change(String code, String ifMatch, String body) {
        return client.put().uri(RECEPTORS + "/" + code).headers(admin())
            .headers(Fixtures.ifMatch(ifMatch))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private JsonNode get(String uri, Consumer<HttpHeaders> token) {
        return Fixtures.read(client, uri, token);
    }

    private static List<String> codes(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("code").asString()).toList();
    }
}
