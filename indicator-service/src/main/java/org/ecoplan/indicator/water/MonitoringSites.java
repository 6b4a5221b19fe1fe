package org.ecoplan.indicator.water;

import java.util.Set;

import org.ecoplan.common.mongo.MongoPages;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The monitoring sites. Each change is one document write guarded by the site's version. */
@Component
class MonitoringSites {

    private static final Set<String> SORTABLE = Set.of("code", "waterbody");

    private static final Sort BY_CODE = Sort.by("code");

    private final ReactiveMongoTemplate template;

    MonitoringSites(ReactiveMongoTemplate template) {
        this.template = template;
    }

    Mono<PageResult<MonitoringSite>> list(Waterbody waterbody, PageQuery page) {
        Criteria filter = waterbody == null ? new Criteria() : Criteria.where("waterbody").is(waterbody);
        return MongoPages.find(template, MonitoringSite.class, filter, page, SORTABLE, BY_CODE);
    }

    Flux<MonitoringSite> all() {
        return template.find(new Query().with(BY_CODE), MonitoringSite.class);
    }

    /** The site, or a 404 problem. */
    Mono<MonitoringSite> byCode(String code) {
        return template.findOne(byCodeQuery(code), MonitoringSite.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("There is no monitoring site with code " + code)));
    }

    /**
     * Creates the site at version 0. Repeating the same request answers the site already made (not created), so a
     * retry after a lost response is harmless; a different site under a taken code is a conflict.
     */
    Mono<Written> create(SiteRequest request) {
        return template.insert(request.toSite(null, 0))
                .map(site -> new Written(site, true))
                .onErrorResume(DuplicateKeyException.class, taken -> byCode(request.code())
                        .flatMap(existing -> request.describes(existing)
                                ? Mono.just(new Written(existing, false))
                                : Mono.error(ApiProblem.conflict("A monitoring site with code " + request.code()
                                        + " already exists; change it with PUT"))));
    }

    /** Replaces the site if it is still at {@code version}; a 412 otherwise, a 404 if it is gone. */
    Mono<MonitoringSite> replace(String code, long version, SiteRequest request) {
        return template.findAndReplace(byCodeQuery(code).addCriteria(Criteria.where("version").is(version)),
                        request.toSite(null, version + 1), FindAndReplaceOptions.options().returnNew())
                .switchIfEmpty(Mono.defer(() -> byCode(code).then(Mono.<MonitoringSite>error(Versions::stale))));
    }

    /**
     * Deletes a site without samples. A site with samples stays: its samples are the record the annual results
     * and the plan's indicator were computed from.
     */
    Mono<Void> delete(String code, long version) {
        return template.exists(Query.query(Criteria.where("site").is(code)), WaterSample.class)
                .flatMap(sampled -> sampled
                        ? Mono.error(ApiProblem.conflict("Monitoring site " + code
                                + " has samples; it stays as the source of the results computed from them"))
                        : template.remove(byCodeQuery(code).addCriteria(Criteria.where("version").is(version)),
                                MonitoringSite.class))
                .flatMap(result -> result.getDeletedCount() == 1 ? Mono.<Void>empty()
                        : byCode(code).then(Mono.<Void>error(Versions::stale)));
    }

    private static Query byCodeQuery(String code) {
        return Query.query(Criteria.where("code").is(code));
    }

    /** A site after a create: {@code created} is false when the same site was already there. */
    record Written(MonitoringSite site, boolean created) {
    }
}
