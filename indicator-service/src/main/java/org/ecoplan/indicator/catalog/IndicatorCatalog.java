package org.ecoplan.indicator.catalog;

import java.util.List;
import java.util.Map;
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
     * One page of the indicators matching {@code filter}, each with its status. A status filter is applied in
     * memory after computing the candidates' statuses: statuses are not stored, and the plan has a few dozen
     * indicators, not thousands.
     */
    public Mono<PageResult<ListedIndicator>> list(IndicatorFilter filter, PageQuery page) {
        if (filter.status() == null) {
            return MongoPages.find(template, Indicator.class, filter.criteria(), page, SORTABLE, TABLE_ORDER)
                .flatMap(found -> statuses(found.items())
                    .map(byCode -> found.map(indicator -> new ListedIndicator(indicator, byCode.get(indicator.code())))));
        }
        Sort order = page.toSort(SORTABLE, TABLE_ORDER);
        return template.find(new Query(filter.criteria()).with(order), Indicator.class)
            .collectList()
            .flatMap(candidates -> statuses(candidates).map(byCode -> candidates.stream()
                .filter(indicator -> filter.status().equals(byCode.get(indicator.code())))
                .map(indicator -> new ListedIndicator(indicator, byCode.get(indicator.code())))
                .toList()))
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

    /** The current statuses of the given indicators by code; empty while no {@link IndicatorStatus} is deployed. */
    public Mono<Map<String, String>> statuses(List<Indicator> indicators) {
        IndicatorStatus status = statuses.getIfAvailable();
        return status == null || indicators.isEmpty() ? Mono.just(Map.of()) : status.current(indicators);
    }

    private static <T> List<T> pageOf(List<T> all, PageQuery page) {
        int from = (int) Math.min(page.offset(), all.size());
        return all.subList(from, Math.min(from + page.size(), all.size()));
    }
}
