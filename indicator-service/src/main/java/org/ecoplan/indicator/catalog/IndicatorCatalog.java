package org.ecoplan.indicator.catalog;

import java.util.List;
import java.util.Set;

import org.ecoplan.common.mongo.MongoPages;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.springframework.beans.factory.ObjectProvider;
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

    private final ObjectProvider<IndicatorStatus> statuses;

    public IndicatorCatalog(ReactiveMongoTemplate template, ObjectProvider<IndicatorStatus> statuses) {
        this.template = template;
        this.statuses = statuses;
    }

    /**
     * One page of the indicators matching {@code filter}. A status filter is applied in memory after computing
     * each candidate's status: statuses are not stored, and the plan has a few dozen indicators, not thousands.
     */
    public Mono<PageResult<Indicator>> list(IndicatorFilter filter, PageQuery page) {
        if (filter.status() == null) {
            return MongoPages.find(template, Indicator.class, filter.criteria(), page, SORTABLE, TABLE_ORDER);
        }
        Sort order = page.toSort(SORTABLE, TABLE_ORDER);
        return template.find(new Query(filter.criteria()).with(order), Indicator.class)
            .filterWhen(indicator -> status(indicator).map(filter.status()::equals).defaultIfEmpty(false))
            .collectList()
            .map(matching -> PageResult.of(pageOf(matching, page), matching.size(), page));
    }

    /** Every indicator, in table order. */
    public Flux<Indicator> all() {
        return template.find(new Query().with(TABLE_ORDER), Indicator.class);
    }

    public Mono<Indicator> byCode(String code) {
        return template.findOne(Query.query(Criteria.where("code").is(code)), Indicator.class);
    }

    /** Like {@link #byCode}, for requests about the indicator: @throws ApiProblem 404 when there is none */
    public Mono<Indicator> required(String code) {
        return byCode(code)
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("There is no indicator with code " + code)));
    }

    /** The indicator's current progress status; empty while no {@link IndicatorStatus} is deployed. */
    public Mono<String> status(Indicator indicator) {
        IndicatorStatus status = statuses.getIfAvailable();
        return status == null ? Mono.empty() : status.current(indicator);
    }

    private static <T> List<T> pageOf(List<T> all, PageQuery page) {
        int from = (int) Math.min(page.offset(), all.size());
        return all.subList(from, Math.min(from + page.size(), all.size()));
    }
}
