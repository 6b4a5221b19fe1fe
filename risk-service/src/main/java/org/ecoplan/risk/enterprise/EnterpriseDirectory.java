package org.ecoplan.risk.enterprise;

import java.util.Set;

import org.ecoplan.common.mongo.MongoPages;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads the enterprises a caller's scope allows. */
@Component
public class EnterpriseDirectory {

    private static final Set<String> SORTABLE = Set.of("id", "creditCode");

    private static final Sort BY_ID = Sort.by("id");

    private final ReactiveMongoTemplate template;

    EnterpriseDirectory(ReactiveMongoTemplate template) {
        this.template = template;
    }

    Mono<PageResult<Enterprise>> list(EnterpriseScope scope, PageQuery page) {
        return MongoPages.find(template, Enterprise.class, scope.criteria(), page, SORTABLE, BY_ID);
    }

    /** Empty both for an unknown id and for another enterprise's id, so ids cannot be probed. */
    public Mono<Enterprise> byId(EnterpriseScope scope, String id) {
        return scope.permits(id) ? template.findById(id, Enterprise.class) : Mono.empty();
    }
}
