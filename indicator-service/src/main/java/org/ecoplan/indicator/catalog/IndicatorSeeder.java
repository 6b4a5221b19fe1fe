package org.ecoplan.indicator.catalog;

import org.ecoplan.common.seed.NaturalKeySeeder;
import org.ecoplan.common.startup.StartupTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads Table 2 on every start, before readiness reports UP. Indicators already present keep their stored
 * state, edits included; those stored before indicators had a version get version 0, so that clients can
 * name it in {@code If-Match}.
 */
@Component
class IndicatorSeeder implements StartupTask {

    private final ReactiveMongoTemplate template;

    private final NaturalKeySeeder seeder;
    private final Resource table2;

    IndicatorSeeder(ReactiveMongoTemplate template, JsonMapper mapper,
            @Value("classpath:seed/table2-indicators.json") Resource table2) {
        this.template = template;
        this.seeder = new NaturalKeySeeder(template, mapper);
        this.table2 = table2;
    }

    @Override
    public Mono<?> run() {
        return seed();
    }

    Mono<Long> seed() {
        return template.updateMulti(Query.query(Criteria.where("version").exists(false)),
                Update.update("version", 0L), Indicator.class)
            .then(seeder.insertMissing(Indicator.class, "code", seeder.read(table2, Indicator.class)));
    }
}
