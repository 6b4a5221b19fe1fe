package org.ecoplan.common.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.ecoplan.common.testing.AuthenticationFailures;
import org.ecoplan.common.testing.AuthenticationFailures.Call;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@WithTestApplication
class AuthenticationFailuresTest {

    @Autowired
    WebTestClient client;

    @TestFactory
    Stream<DynamicTest> theSampleEndpointsTurnAwayWhoIsNoPlatformUser() {
        return AuthenticationFailures.of(client, Call.get(ResourceServerSecurityTest.ME),
                Call.post("/api/v1/samples", MediaType.APPLICATION_JSON, "{\"name\": \"x\", \"count\": 1}"));
    }

    @Test
    void eachCallGetsOneTestForEachCallerTurnedAway() {
        List<String> names = AuthenticationFailures.of(client, Call.get("/api/v1/samples"), Call.delete("/x"))
            .map(DynamicTest::getDisplayName)
            .toList();

        assertThat(names).containsExactly(
                "GET /api/v1/samples without a token: 401",
                "GET /api/v1/samples with a token signed by a foreign key: 401",
                "GET /api/v1/samples with an expired token: 401",
                "GET /api/v1/samples with a token meant for another application: 401",
                "GET /api/v1/samples with a token without a platform role: 403",
                "DELETE /x without a token: 401",
                "DELETE /x with a token signed by a foreign key: 401",
                "DELETE /x with an expired token: 401",
                "DELETE /x with a token meant for another application: 401",
                "DELETE /x with a token without a platform role: 403");
    }

    @Test
    void anEndpointOpenToAnyoneFailsThem() {
        List<DynamicTest> tests = AuthenticationFailures.of(client, Call.get("/actuator/health")).toList();

        // without a token and with one of no platform role health answers 200; a bad token is refused everywhere
        assertThatThrownBy(() -> tests.get(0).getExecutable().execute()).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> tests.get(4).getExecutable().execute()).isInstanceOf(AssertionError.class);
    }
}
