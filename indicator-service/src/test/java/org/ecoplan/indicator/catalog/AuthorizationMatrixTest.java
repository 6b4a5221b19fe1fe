package org.ecoplan.indicator.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.ecoplan.common.testing.AuthorizationMatrix.Case;
import org.ecoplan.common.testing.AuthorizationMatrix.Identity;
import org.ecoplan.common.testing.AuthorizationMatrix.Row;
import org.ecoplan.common.testing.AuthorizationMatrixTests;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

/**
 * indicator-service's rows of the platform's authorization matrix, called directly on the service: the same answers
 * as through the gateway (defence in depth). The reads use the seeded plan; every write gets an indicator (and an
 * observation), or a monitoring site (and a sample), of its own, so that no request changes what another sees. The
 * fixtures are made through the API, as the end-to-end run through the gateway makes them.
 */
@IndicatorServiceTest
class AuthorizationMatrixTest extends AuthorizationMatrixTests {

    /** The plan's air-quality station, whose derived observations feed AIR-PM25. */
    private static final String AIR_STATION = "城陵矶";

    private static final String SITES = "/api/v1/water-quality/sites";

    private boolean airHourImported;

    AuthorizationMatrixTest() {
        super("indicator-service");
    }

    @Override
    protected void call(Case matrixCase) {
        Row row = matrixCase.row();
        String request = row.path() + " " + (row.body() == null ? "" : matrix.body(row));
        Map<String, String> values = new LinkedHashMap<>();
        if (request.contains("{indicator}")) {
            String code = created("/api/v1/indicators", Identity.ECO_ADMIN, "indicator-fixture.json", Map.of())
                .get("code").asString();
            values.put("{indicator}", code);
            if (request.contains("{observation}")) {
                values.put("{observation}", created("/api/v1/indicators/" + code + "/observations",
                        Identity.BUREAU_EDITOR_OWN, "observation.json", Map.of()).get("id").asString());
            }
        }
        if (request.contains("{cityIndicator}")) {
            values.put("{cityIndicator}", created("/api/v1/indicators", Identity.ECO_ADMIN,
                    "indicator-city-fixture.json", Map.of()).get("code").asString());
        }
        if (request.contains("{airStation}")) {
            importAirHour();
            values.put("{airStation}", AIR_STATION);
        }
        // In a creating body {site} is a code nobody uses; in a path, a site made for the request.
        values.put("{site}", newCode());
        if (row.path().contains("{site}")) {
            created(SITES, Identity.ECO_ADMIN, "water-site.json", values);
            if (row.path().contains("{sample}")) {
                values.put("{sample}", created(SITES + "/" + values.get("{site}") + "/samples", Identity.ECO_ADMIN,
                        "water-sample.json", values).get("id").asString());
            }
        }
        values.put("{newCode}", newCode());
        matrix.send(client, matrixCase, filled(row.path(), values), "\"0\"", body -> filled(body, values))
            .expectStatus().isEqualTo(matrixCase.expectedStatus());
    }

    /** {@code {airStation}}: the plan station with the hour of {@code air-hourly.csv}, imported once by eco-admin. */
    private void importAirHour() {
        if (!airHourImported) {
            client.post().uri("/api/v1/air-quality/hourly")
                .headers(Identity.ECO_ADMIN.credentials())
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(matrix.body("air-hourly.csv"))
                .exchange()
                .expectStatus().isOk();
            airHourImported = true;
        }
    }

    private JsonNode created(String path, Identity who, String body, Map<String, String> values) {
        return client.post().uri(path)
            .headers(who.credentials())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(filled(filled(matrix.body(body), values), Map.of("{newCode}", newCode())))
            .exchange()
            .expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static String filled(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        return filled;
    }

    private static String newCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
