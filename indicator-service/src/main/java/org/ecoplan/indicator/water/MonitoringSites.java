package org.ecoplan.indicator.water;

import java.util.Set;

import org.ecoplan.common.mongo.MongoPages;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.ecoplan.common.web.ETags.IfMatch;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
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

    /**
     * Replaces the site read as {@code current} if it is still at that version: a change in between is the
     * same 412 as a stale {@code If-Match}.
     */
    Mono<MonitoringSite> replace(MonitoringSite current, SiteRequest request) {
        return template.findAndReplace(atVersionOf(current), request.toSite(null, current.version() + 1),
                        FindAndReplaceOptions.options().returnNew())
                .switchIfEmpty(Mono.error(() -> changedMeanwhile(current.code())));
    }

    /**
     * Deletes a site without samples, if the client saw its current version. A site with samples stays: its
     * samples are the record the annual results and the plan's indicator were computed from.
     */
    Mono<Void> delete(String code, IfMatch ifMatch) {
        return byCode(code).flatMap(current -> {
            ifMatch.check(current.version());
            return template.exists(Query.query(Criteria.where("site").is(code)), WaterSample.class)
                    .flatMap(sampled -> sampled
                            ? Mono.error(ApiProblem.conflict("Monitoring site " + code
                                    + " has samples; it stays as the source of the results computed from them"))
                            : template.remove(atVersionOf(current), MonitoringSite.class))
                    .flatMap(result -> result.getDeletedCount() == 1 ? Mono.<Void>empty()
                            : Mono.error(changedMeanwhile(code)));
        });
    }

    private static Query atVersionOf(MonitoringSite site) {
        return byCodeQuery(site.code()).addCriteria(Criteria.where("version").is(site.version()));
    }

    private static OptimisticLockingFailureException changedMeanwhile(String code) {
        return new OptimisticLockingFailureException("Monitoring site " + code + " changed after it was read");
    }

    private static Query byCodeQuery(String code) {
        return Query.query(Criteria.where("code").is(code));
    }

    /** A site after a create: {@code created} is false when the same site was already there. */
    record Written(MonitoringSite site, boolean created) {
    }
}
