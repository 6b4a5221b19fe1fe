package org.ecoplan.indicator.water;

import org.ecoplan.common.seed.NaturalKeySeeder;
import org.ecoplan.common.startup.StartupTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the plan's water bodies as monitoring sites on every start, before readiness reports UP; sites already
 * present keep their stored state. Also makes the index that keeps samples unique per site, date and time.
 */
@Component
class WaterSiteSeeder implements StartupTask {

    private final NaturalKeySeeder seeder;
    private final WaterSamples samples;
    private final Resource sites;

    WaterSiteSeeder(ReactiveMongoTemplate template, JsonMapper mapper, WaterSamples samples,
            @Value("classpath:seed/water-sites.json") Resource sites) {
        this.seeder = new NaturalKeySeeder(template, mapper);
        this.samples = samples;
        this.sites = sites;
    }

    @Override
    public Mono<?> run() {
        return seed();
    }

    Mono<Long> seed() {
        return samples.ensureIndex().then(seeder.insertMissing(MonitoringSite.class, "code",
                seeder.read(sites, MonitoringSite.class)));
    }
}
