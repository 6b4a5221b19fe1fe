package org.ecoplan.risk.filing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ecoplan.common.testing.AuthorizationMatrix;
import org.ecoplan.common.testing.AuthorizationMatrix.Case;
import org.ecoplan.common.testing.AuthorizationMatrixTests;
import org.ecoplan.common.testing.AuthorizationMatrix.Identity;
import org.ecoplan.common.time.BureauDay;
import org.ecoplan.risk.RiskServiceTest;
import org.ecoplan.risk.enterprise.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

import tools.jackson.databind.JsonNode;

/**
 * risk-service's rows of the platform's authorization matrix, called directly on the service: the same answers as
 * through the gateway (defence in depth). The rows read the demo enterprises and filings of the matrix's own
 * enterprise, made through the API as its account would; the writes change receptors and filings made for them, or
 * set what the demo enterprise already holds.
 */
@RiskServiceTest
class AuthorizationMatrixTest extends AuthorizationMatrixTests {

    /** A step on a filing, whose If-Match is the filing's version. */
    private static final Pattern FILING_STEP = Pattern.compile("(" + FilingFixtures.PATH
            + "/[^/]+)/(documents/[^/]+|submit|accept|return)");

    private static final String OWN_SOURCES = "/api/v1/enterprises/" + AuthorizationMatrix.OWN_ENTERPRISE
            + "/risk-sources";

    @Autowired
    private Clock clock;

    private String plan;

    private String filedPlan;

    private boolean graded;

    AuthorizationMatrixTest() {
        super("risk-service");
    }

    @Override
    protected void call(Case matrixCase) {
        String path = matrixCase.row().path();
        if (path.contains("{plan}")) {
            path = path.replace("{plan}", plan());
        }
        if (path.contains("{completePlan}")) {
            path = path.replace("{completePlan}", completePlan());
        }
        if (path.contains("{submittedPlan}")) {
            path = path.replace("{submittedPlan}", submittedPlan());
        }
        if (path.contains("{filedPlan}")) {
            path = path.replace("{filedPlan}", filedPlan());
        }
        if (path.contains("{receptor}")) {
            String code = newReceptor();
            client.post().uri("/api/v1/receptors")
                .headers(Identity.ECO_ADMIN.credentials())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(matrix.body("risk-receptor.json").replace("{newReceptor}", code))
                .exchange()
                .expectStatus().isCreated();
            path = path.replace("{receptor}", code);
        }
        String called = path;
        String versioned = versionedBy(matrixCase.row().method(), called);
        // A receptor's change keeps its code: the body names the receptor of the path.
        matrix.send(client, matrixCase, called, versioned == null ? null : currentETag(versioned),
                body -> called.startsWith("/api/v1/receptors/") ? body.replace("{newReceptor}", lastSegment(called))
                        : placeholdersFilled(body))
            .expectStatus().isEqualTo(matrixCase.expectedStatus());
    }

    /** The path whose ETag a write's If-Match names, or null for a write that creates. */
    private static String versionedBy(HttpMethod method, String path) {
        Matcher step = FILING_STEP.matcher(path);
        if (step.matches()) {
            return step.group(1);
        }
        return method.equals(HttpMethod.GET) || method.equals(HttpMethod.POST) ? null : path;
    }

    private String currentETag(String path) {
        return client.get().uri(path).headers(Identity.ECO_ADMIN.credentials()).exchange()
            .expectStatus().isOk()
            .returnResult(Void.class).getResponseHeaders().getETag();
    }

    private String placeholdersFilled(String text) {
        return text.replace("{newReceptor}", newReceptor())
            .replace("{creditCode}", Fixtures.creditCode())
            .replace("{yesterday}", LocalDate.ofInstant(clock.instant(), BureauDay.ZONE).minusDays(1).toString());
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String newReceptor() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** {@code {plan}}: a draft filing of {@link AuthorizationMatrix#OWN_ENTERPRISE} with its plan, made once. */
    private String plan() {
        if (plan == null) {
            plan = draft();
            upload(plan, "plan");
        }
        return plan;
    }

    /** {@code {completePlan}}: a new draft of the own enterprise with all five documents. */
    private String completePlan() {
        String id = draft();
        for (DocumentKind kind : DocumentKind.values()) {
            upload(id, kind.slug());
        }
        return id;
    }

    /**
     * {@code {submittedPlan}}: a complete plan the own enterprise submitted, its enterprise graded by eco-admin's
     * risk sources (一般, below the plan's declared 较大) so that a reviewer can accept it.
     */
    private String submittedPlan() {
        if (!graded) {
            client.put().uri(OWN_SOURCES)
                .headers(Identity.ECO_ADMIN.credentials())
                .header(HttpHeaders.IF_MATCH, currentETag(OWN_SOURCES))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(matrix.body("risk-sources.json"))
                .exchange()
                .expectStatus().isOk();
            graded = true;
        }
        String id = completePlan();
        step(id, "submit", Identity.ENTERPRISE_OWN);
        return id;
    }

    /** {@code {filedPlan}}: a submitted plan a plan-reviewer accepted, made once. */
    private String filedPlan() {
        if (filedPlan == null) {
            String id = submittedPlan();
            step(id, "accept", Identity.PLAN_REVIEWER);
            filedPlan = id;
        }
        return filedPlan;
    }

    private String draft() {
        JsonNode draft = client.post().uri(FilingFixtures.PATH)
            .headers(Identity.ENTERPRISE_OWN.credentials())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(placeholdersFilled(matrix.body("risk-filing.json")))
            .exchange()
            .expectStatus().isCreated()
            .expectBody(JsonNode.class).returnResult().getResponseBody();
        return draft.get("id").asString();
    }

    private void upload(String filing, String kind) {
        client.put().uri(FilingFixtures.PATH + "/" + filing + "/documents/" + kind)
            .headers(Identity.ENTERPRISE_OWN.credentials())
            .header(HttpHeaders.IF_MATCH, currentETag(FilingFixtures.PATH + "/" + filing))
            .body(BodyInserters.fromMultipartData(matrix.parts("risk-document.parts", body -> body)))
            .exchange()
            .expectStatus().isOk();
    }

    private void step(String filing, String step, Identity who) {
        client.post().uri(FilingFixtures.PATH + "/" + filing + "/" + step)
            .headers(who.credentials())
            .header(HttpHeaders.IF_MATCH, currentETag(FilingFixtures.PATH + "/" + filing))
            .exchange()
            .expectStatus().isOk();
    }
}
