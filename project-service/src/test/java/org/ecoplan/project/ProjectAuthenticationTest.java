package org.ecoplan.project;

import java.util.stream.Stream;

import org.ecoplan.common.testing.AuthenticationFailures;
import org.ecoplan.common.testing.AuthenticationFailures.Call;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint of project-service turns away who is no platform user, before any rule of its own. Which roles,
 * departments and states each endpoint then admits is tested with the endpoint.
 */
@ProjectServiceTest
class ProjectAuthenticationTest {

    private static final String PROJECT = "/api/v1/projects/P2021-01";

    private static final String REPORT = PROJECT + "/reports/2024-Q1";

    @Autowired
    private WebTestClient client;

    @TestFactory
    Stream<DynamicTest> readingTakesAPlatformUser() {
        return AuthenticationFailures.of(client, Stream.of("/api/v1/projects", PROJECT, PROJECT + "/history",
                "/api/v1/projects/export?format=csv", "/api/v1/projects/areas", "/api/v1/projects/areas/A2021-06",
                "/api/v1/projects/portfolio", "/api/v1/projects/portfolio/export?format=xlsx",
                "/api/v1/projects/quality", PROJECT + "/transitions", PROJECT + "/schedule", PROJECT + "/reports",
                REPORT, REPORT + "/history", REPORT + "/attachments/any").map(Call::get).toList());
    }

    @TestFactory
    Stream<DynamicTest> changingTakesAPlatformUser() {
        return AuthenticationFailures.of(client, Call.post("/api/v1/projects", MediaType.APPLICATION_JSON, "{}"),
                new Call(HttpMethod.PATCH, PROJECT, MediaType.APPLICATION_JSON, "{}"),
                Call.post(PROJECT + "/transitions", MediaType.APPLICATION_JSON, "{}"),
                Call.put(PROJECT + "/milestones/m1", MediaType.APPLICATION_JSON, "{}"),
                Call.delete(PROJECT + "/milestones/m1?reason=x"),
                Call.post(PROJECT + "/reports", MediaType.APPLICATION_JSON, "{}"),
                Call.put(REPORT, MediaType.APPLICATION_JSON, "{}"),
                Call.post(REPORT + "/attachments", MediaType.APPLICATION_JSON, "{}"));
    }
}
