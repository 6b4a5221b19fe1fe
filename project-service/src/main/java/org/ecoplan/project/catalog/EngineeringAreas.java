package org.ecoplan.project.catalog;

import java.util.Set;

import org.ecoplan.common.mongo.MongoPages;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the plan's key engineering areas (Table 3). */
@Component
public class EngineeringAreas {

    private static final Set<String> SORTABLE = Set.of("code");

    /** Codes follow Table 3, so code order is the printed order. */
    private static final Sort TABLE_ORDER = Sort.by("code");

    private final ReactiveMongoTemplate template;

    EngineeringAreas(ReactiveMongoTemplate template) {
        this.template = template;
    }

    public Mono<PageResult<EngineeringArea>> list(PageQuery page) {
        return MongoPages.find(template, EngineeringArea.class, new Criteria(), page, SORTABLE, TABLE_ORDER);
    }

    /** Every area, in table order. */
    public Flux<EngineeringArea> all() {
        return template.find(new Query().with(TABLE_ORDER), EngineeringArea.class);
    }

    public Mono<EngineeringArea> byCode(String code) {
        return template.findOne(Query.query(Criteria.where("code").is(code)), EngineeringArea.class);
    }

    /** @throws ApiProblem 404 when there is no area with the code */
    public Mono<EngineeringArea> required(String code) {
        return byCode(code)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("There is no engineering area with code " + code)));
    }

    public Mono<Boolean> exists(String code) {
        return template.exists(Query.query(Criteria.where("code").is(code)), EngineeringArea.class);
    }
}
