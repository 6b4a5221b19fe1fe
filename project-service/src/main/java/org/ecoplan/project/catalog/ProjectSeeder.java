package org.ecoplan.project.catalog;

import org.ecoplan.common.seed.NaturalKeySeeder;
import org.ecoplan.common.startup.StartupTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads Table 3's engineering areas and Table 4's projects on every start, before readiness reports UP.
 * Documents already present keep their stored state, edits included. A Table 4 row is read like a project a
 * client creates: the table's columns plus what the platform adds (the code, the area, the departments; the seed
 * README says why each), its expected reductions read from its content.
 */
@Component
class ProjectSeeder implements StartupTask {

    private final NaturalKeySeeder seeder;
    private final Resource table3;
    private final Resource table4;

    ProjectSeeder(ReactiveMongoTemplate template, JsonMapper mapper,
            @Value("classpath:seed/table3-areas.json") Resource table3,
            @Value("classpath:seed/table4-projects.json") Resource table4) {
        this.seeder = new NaturalKeySeeder(template, mapper);
        this.table3 = table3;
        this.table4 = table4;
    }

    @Override
    public Mono<?> run() {
        return seed();
    }

    /** Emits how many areas and projects were inserted together. */
    Mono<Long> seed() {
        Mono<Long> areas = seeder.insertMissing(EngineeringArea.class, "code",
                seeder.read(table3, EngineeringArea.class));
        Mono<Long> projects = seeder.insertMissing(Project.class, "code", seeder.read(table4, ProjectDraft.class)
                .stream()
                .map(ProjectDraft::toProject)
                .toList());
        return areas.flatMap(inserted -> projects.map(more -> inserted + more));
    }
}
