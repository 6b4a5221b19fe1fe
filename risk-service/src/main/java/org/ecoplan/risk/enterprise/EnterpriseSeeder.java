package org.ecoplan.risk.enterprise;

import java.util.List;

import org.ecoplan.common.seed.NaturalKeySeeder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates the enterprises' unique credit-code index on every start and, in the {@code local} profile only,
 * loads the two demo enterprises the local Keycloak accounts {@code enterprise-a} and {@code enterprise-b}
 * belong to. Real enterprises are registered by the bureau, never seeded.
 */
@Component
class EnterpriseSeeder implements ApplicationRunner {

    static final String DEMO_PROFILE = "local";

    private final NaturalKeySeeder seeder;
    private final Environment environment;
    private final Resource demoEnterprises;

    EnterpriseSeeder(ReactiveMongoTemplate template, JsonMapper mapper, Environment environment,
            @Value("classpath:seed/demo-enterprises.json") Resource demoEnterprises) {
        this.seeder = new NaturalKeySeeder(template, mapper);
        this.environment = environment;
        this.demoEnterprises = demoEnterprises;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed().block();
    }

    Mono<Long> seed() {
        List<Enterprise> enterprises = environment.matchesProfiles(DEMO_PROFILE)
                ? seeder.read(demoEnterprises, Enterprise.class)
                : List.of();
        // A mistyped code in the file fails the start instead of entering the register.
        enterprises.stream()
                .filter(enterprise -> !UnifiedSocialCreditCode.isValid(enterprise.creditCode()))
                .findFirst()
                .ifPresent(enterprise -> {
                    throw new IllegalStateException("Seed enterprise " + enterprise.id()
                            + " has an invalid unified social credit code " + enterprise.creditCode());
                });
        return seeder.insertMissing(Enterprise.class, "creditCode", enterprises);
    }
}
