package org.ecoplan.risk.enterprise;

import java.util.function.Consumer;
import java.util.stream.Stream;

import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.MatrixFixtures;
import org.ecoplan.common.testing.TestJwts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Identities, credit codes and enterprises for the risk-service API tests. */
public final class Fixtures {

    public static final String ENTERPRISES = "/api/v1/enterprises";

    /** The demo enterprises of the local profile; their accounts are enterprise-a and enterprise-b. */
    public static final String ENTERPRISE_A = "E-430602-0001";

    public static final String ENTERPRISE_B = "E-430602-0002";

    private Fixtures() {
    }

    public static Consumer<HttpHeaders> admin() {
        return TestJwts.token("eco-admin", PlatformRoles.ECO_ADMIN).bearer();
    }

    public static Consumer<HttpHeaders> editor(String department) {
        return TestJwts.token(department + "-editor", PlatformRoles.BUREAU_EDITOR).department(department).bearer();
    }

    public static Consumer<HttpHeaders> role(String role) {
        return TestJwts.token("someone-" + role, role).department("env").bearer();
    }

    public static Consumer<HttpHeaders> enterprise(String enterpriseId) {
        return TestJwts.token("account-of-" + enterpriseId, PlatformRoles.ENTERPRISE).enterpriseId(enterpriseId)
            .bearer();
    }

    /** Roles that read but change no enterprise: viewers, reviewers, integrators. */
    public static Stream<String> readOnlyRoles() {
        return Stream.of(PlatformRoles.BUREAU_VIEWER, PlatformRoles.PLAN_REVIEWER, PlatformRoles.INTEGRATOR_READ,
                PlatformRoles.INTEGRATOR_WRITE);
    }

    /** Sets {@code If-Match} to {@code tag}, or leaves it out when null. */
    public static Consumer<HttpHeaders> ifMatch(String tag) {
        return headers -> {
            if (tag != null) {
                headers.set(HttpHeaders.IF_MATCH, tag);
            }
        };
    }

    /** A fresh, valid unified social credit code of 岳阳楼区 (the matrix's recipe, which computes it independently). */
    public static String creditCode() {
        return MatrixFixtures.creditCode();
    }

    /** The body of a registration, supervised by {@code department}, at a point near 城陵矶. */
    public static String draft(String name, String creditCode, String department) {
        return """
                {"name": {"zh": "%s", "en": "Test Co., Ltd."}, "creditCode": "%s",
                 "address": "湖南省岳阳市岳阳楼区港兴路1号", "location": {"longitude": 113.176, "latitude": 29.446},
                 "industry": {"code": "C2614", "name": "有机化学原料制造"},
                 "contacts": [{"name": "张三", "phone": "13807301234", "email": "zhang@example.com"}],
                 "supervisingDepartment": "%s", "keySupervision": false}
                """.formatted(name, creditCode, department);
    }

    /** GETs {@code uri}, expects 200 and answers the body. */
    public static JsonNode read(WebTestClient client, String uri, Consumer<HttpHeaders> token) {
        return client.get().uri(uri).headers(token).exchange()
            .expectStatus().isOk()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Registers an enterprise of department env as eco-admin and answers it. */
    public static JsonNode register(WebTestClient client, String name) {
        return client.post().uri(ENTERPRISES).headers(admin()).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(draft(name, creditCode(), "env"))
            .exchange()
            .expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
