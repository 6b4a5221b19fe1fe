package org.ecoplan.risk.enterprise;

import java.util.Set;

import org.ecoplan.common.mongo.MongoPages;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the enterprises a caller's scope allows. */
@Component
public class EnterpriseDirectory {

    private static final Set<String> SORTABLE = Set.of("id", "creditCode", "name.zh");

    private static final Sort BY_ID = Sort.by("id");

    private final ReactiveMongoTemplate template;

    EnterpriseDirectory(ReactiveMongoTemplate template) {
        this.template = template;
    }

    public Mono<PageResult<Enterprise>> list(EnterpriseScope scope, EnterpriseFilter filter, PageQuery page) {
        return MongoPages.find(template, Enterprise.class, filter.within(scope), page, SORTABLE, BY_ID);
    }

    /** Every enterprise the scope and filter allow, by id. */
    public Flux<Enterprise> all(EnterpriseScope scope, EnterpriseFilter filter) {
        return template.find(new Query(filter.within(scope)).with(BY_ID), Enterprise.class);
    }

    /** Empty both for an unknown id and for another enterprise's id, so ids cannot be probed. */
    public Mono<Enterprise> byId(EnterpriseScope scope, String id) {
        return scope.permits(id) ? template.findById(id, Enterprise.class) : Mono.empty();
    }

    /** @throws ApiProblem 404, also for another enterprise's id */
    public Mono<Enterprise> required(EnterpriseScope scope, String id) {
        return byId(scope, id)
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("There is no enterprise with id " + id)));
    }
}
