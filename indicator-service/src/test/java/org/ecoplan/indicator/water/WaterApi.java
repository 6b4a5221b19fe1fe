package org.ecoplan.indicator.water;

import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The water endpoints as the tests call them. */
final class WaterApi {

    static final String SITES = "/api/v1/water-quality/sites";

    private final WebTestClient client;

    WaterApi(WebTestClient client) {
        this.client = client;
    }

    static String site(String code, String waterbody) {
        return """
                {"code": "%s", "name": {"zh": "测试断面 %s"}, "waterbody": "%s"}""".formatted(code, code, waterbody);
    }

    /** Sets {@code If-Match} to the tag, or leaves it out for null. */
    static Consumer<HttpHeaders> ifMatch(String tag) {
        return headers -> {
            if (tag != null) {
                headers.set(HttpHeaders.IF_MATCH, tag);
            }
        };
    }

    /** Creates a site as eco-admin. */
    void createSite(String code, String waterbody) {
        createSite(site(code, waterbody), Caller.ECO_ADMIN.bearer()).expectStatus().isCreated();
    }

    WebTestClient.ResponseSpec createSite(String body, Consumer<HttpHeaders> caller) {
        return client.post().uri(SITES).headers(caller).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    WebTestClient.ResponseSpec enterSample(String site, String body, Consumer<HttpHeaders> caller) {
        return client.post().uri(SITES + "/{code}/samples", site).headers(caller)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Enters a sample as eco-admin and answers it. */
    JsonNode enterSample(String site, String date, String parameters) {
        return enterSample(site, """
                {"date": "%s", "parameters": %s}""".formatted(date, parameters), Caller.ECO_ADMIN.bearer())
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** GET as a bureau viewer, expecting 200. */
    JsonNode read(String uri, Object... variables) {
        return client.get().uri(uri, variables).headers(Caller.VIEWER_OF_ENV.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
