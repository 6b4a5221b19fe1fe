package org.ecoplan.project.catalog;

import java.util.Set;

import org.ecoplan.common.mongo.MongoPages;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the plan's key projects. */
@Component
public class ProjectCatalog {

    private static final Set<String> SORTABLE = Set.of("code", "startYear", "completionYear");

    /** Codes follow Table 4, so code order is the printed order. */
    private static final Sort TABLE_ORDER = Sort.by("code");

    private final ReactiveMongoTemplate template;

    public ProjectCatalog(ReactiveMongoTemplate template) {
        this.template = template;
    }

    public Mono<PageResult<Project>> list(PageQuery page) {
        return MongoPages.find(template, Project.class, new Criteria(), page, SORTABLE, TABLE_ORDER);
    }

    public Mono<Project> byCode(String code) {
        return template.findOne(Query.query(Criteria.where("code").is(code)), Project.class);
    }

    /** The projects of a Table 3 area, in table order. */
    public Flux<Project> inArea(String areaCode) {
        return template.find(Query.query(Criteria.where("areaCode").is(areaCode)).with(TABLE_ORDER), Project.class);
    }
}
