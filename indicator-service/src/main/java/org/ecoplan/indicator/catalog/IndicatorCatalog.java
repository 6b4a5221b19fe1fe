package org.ecoplan.indicator.catalog;

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

/** Reads the plan's indicator system. */
@Component
public class IndicatorCatalog {

    private static final Set<String> SORTABLE = Set.of("seq", "code");

    /** Readers compare the list with the printed table, so its order is the default. */
    private static final Sort TABLE_ORDER = Sort.by("seq", "code");

    private final ReactiveMongoTemplate template;

    public IndicatorCatalog(ReactiveMongoTemplate template) {
        this.template = template;
    }

    public Mono<PageResult<Indicator>> list(IndicatorFilter filter, PageQuery page) {
        return MongoPages.find(template, Indicator.class, filter.criteria(), page, SORTABLE, TABLE_ORDER);
    }

    /** Every indicator of the plan, in table order. */
    public Flux<Indicator> all() {
        return template.find(new Query().with(TABLE_ORDER), Indicator.class);
    }

    public Mono<Indicator> byCode(String code) {
        return template.findOne(Query.query(Criteria.where("code").is(code)), Indicator.class);
    }
}
