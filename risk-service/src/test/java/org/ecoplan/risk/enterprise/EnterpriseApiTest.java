package org.ecoplan.risk.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import org.ecoplan.common.security.PlatformRoles;
import org.ecoplan.common.testing.MongoTestConfiguration;
import org.ecoplan.common.testing.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Without the local profile there is no demo content, but the register's guards are in place. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The build machine's two cores are shared by several builds; under that load 5 s (the default) was exceeded.
@AutoConfigureWebTestClient(timeout = "30s")
@Import({ MongoTestConfiguration.class, TestJwts.class })
class EnterpriseApiTest {

    @Autowired
    private WebTestClient client;

    @Autowired
    private ReactiveMongoTemplate template;

    @Test
    void noDemoEnterprisesOutsideTheLocalProfile() {
        client.get().uri("/api/v1/enterprises").headers(TestJwts.token("admin", PlatformRoles.ECO_ADMIN).bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(0)
                .jsonPath("$.items").isEmpty();
        client.get().uri("/api/v1/enterprises/E-430602-0001")
                .headers(TestJwts.token("admin", PlatformRoles.ECO_ADMIN).bearer())
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void creditCodeIsUniqueEvenBeforeAnyEnterpriseExists() {
        assertThat(template.indexOps(Enterprise.class).getIndexInfo().collectList().block())
                .anySatisfy(index -> {
                    assertThat(index.isUnique()).isTrue();
                    assertThat(index.getIndexFields()).extracting(field -> field.getKey())
                            .containsExactly("creditCode");
                });
    }

    @Test
    void readinessIsUp() {
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.mongo.status").isEqualTo("UP");
    }
}
