package org.ecoplan.risk.receptor;

import org.ecoplan.common.seed.NaturalKeySeeder;
import org.ecoplan.common.startup.StartupTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the receptors the plan names (and the district's well-known schools, hospitals and residential areas) on
 * every start, inserting only those whose code is missing, so edits survive; creates the unique code index.
 */
@Component
class ReceptorSeeder implements StartupTask {

    private final NaturalKeySeeder seeder;

    private final Resource receptors;

    ReceptorSeeder(ReactiveMongoTemplate template, JsonMapper mapper,
            @Value("classpath:seed/receptors.json") Resource receptors) {
        this.seeder = new NaturalKeySeeder(template, mapper);
        this.receptors = receptors;
    }

    @Override
    public Mono<?> run() {
        return seed();
    }

    Mono<Long> seed() {
        return seeder.insertMissing(SensitiveReceptor.class, "code", seeder.read(receptors, SensitiveReceptor.class));
    }
}
