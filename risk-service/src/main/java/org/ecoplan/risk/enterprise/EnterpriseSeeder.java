package org.ecoplan.risk.enterprise;

import java.util.List;

import org.ecoplan.common.seed.NaturalKeySeeder;
import org.ecoplan.common.startup.StartupTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates the enterprises' unique credit-code index on every start and, in the {@code local} profile only,
 * loads the two demo enterprises the local Keycloak accounts {@code enterprise-a} and {@code enterprise-b}
 * belong to. Real enterprises are registered by the bureau, never seeded. The id counter is then moved past the
 * seeded ids, so that registration never draws one of them.
 */
@Component
class EnterpriseSeeder implements StartupTask {

    static final String DEMO_PROFILE = "local";

    private final ReactiveMongoTemplate template;

    private final NaturalKeySeeder seeder;

    private final EnterpriseIds ids;
    private final Environment environment;
    private final Resource demoEnterprises;

    EnterpriseSeeder(ReactiveMongoTemplate template, JsonMapper mapper, Environment environment, EnterpriseIds ids,
            @Value("classpath:seed/demo-enterprises.json") Resource demoEnterprises) {
        this.template = template;
        this.seeder = new NaturalKeySeeder(template, mapper);
        this.ids = ids;
        this.environment = environment;
        this.demoEnterprises = demoEnterprises;
    }

    @Override
    public Mono<?> run() {
        return seed();
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
        return versioned()
            .then(template.indexOps(GradingRecord.class)
                .createIndex(new Index().on("enterpriseId", Sort.Direction.ASC).on("at", Sort.Direction.DESC)))
            .then(seeder.insertMissing(Enterprise.class, "creditCode", enterprises))
            .flatMap(inserted -> Flux.fromIterable(enterprises)
                .concatMap(enterprise -> ids.reserve(enterprise.id()))
                .then(Mono.just(inserted)));
    }

    /** Enterprises stored before they had a version get version 0, so that If-Match can name them. */
    private Mono<Void> versioned() {
        return template.updateMulti(Query.query(Criteria.where("version").exists(false)), Update.update("version", 0L),
                Enterprise.class).then();
    }
}
