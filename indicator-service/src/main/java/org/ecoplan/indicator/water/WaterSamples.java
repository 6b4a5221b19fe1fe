package org.ecoplan.indicator.water;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ecoplan.common.mongo.MongoPages;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.ecoplan.common.web.ETags.IfMatch;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The samples of the monitoring sites, classed on entry. */
@Component
class WaterSamples {

    private static final Set<String> SORTABLE = Set.of("date");

    /** Date and time are unique within a site, so pages neither repeat nor skip a sample. */
    private static final Sort CHRONOLOGICAL = Sort.by("date", "time");

    private final ReactiveMongoTemplate template;
    private final WaterClass waterClass;
    private final Gb3838Table table;

    WaterSamples(ReactiveMongoTemplate template, WaterClass waterClass, Gb3838Table table) {
        this.template = template;
        this.waterClass = waterClass;
        this.table = table;
    }

    /** The unique index that makes entering a sample idempotent per site, date and time. */
    Mono<String> ensureIndex() {
        return template.indexOps(WaterSample.class)
                .createIndex(new Index().on("site", Sort.Direction.ASC).on("date", Sort.Direction.ASC)
                        .on("time", Sort.Direction.ASC).unique());
    }

    /**
     * Classes and stores the sample, or answers the one already stored for the site, date and time if it reports
     * the same values (a retry); other values there are a conflict. Every problem of the request is a 422 and
     * nothing is stored.
     */
    Mono<Entered> enter(MonitoringSite site, SampleRequest request, EcoPrincipal enteredBy) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.date() == null) {
            problems.add(new FieldProblem("date", "is required, e.g. 2024-05-12"));
        }
        problems.addAll(waterClass.problems(site.waterbody(), request.parameters()));
        WaterProblems.rejectIfAny(problems);

        Map<String, BigDecimal> values = inTableOrder(request.parameters());
        Classification classification = waterClass.classify(site.waterbody(), values);
        String time = request.time() == null ? null : request.time().toString();
        WaterSample sample = new WaterSample(null, site.code(), request.date().toString(), time, site.waterbody(),
                values, classification.waterClass(), classification.limitingParameters(),
                classification.parameterClasses(), classification.notClassified(), table.source().code(),
                enteredBy.username(), Instant.now(), 0);
        return template.insert(sample)
                .map(stored -> new Entered(stored, true))
                .onErrorResume(DuplicateKeyException.class, taken -> template.findOne(Query.query(
                        Criteria.where("site").is(sample.site()).and("date").is(sample.date()).and("time").is(time)),
                        WaterSample.class)
                        .flatMap(existing -> existing.reports(values)
                                ? Mono.just(new Entered(existing, false))
                                : Mono.error(ApiProblem.conflict("Site " + site.code() + " already has a sample of "
                                        + sample.date() + (time == null ? "" : " " + time)
                                        + " with other values; delete it first to correct it"))));
    }

    Mono<PageResult<WaterSample>> list(String site, Integer year, PageQuery page) {
        Criteria filter = year == null ? Criteria.where("site").is(site)
                : Criteria.where("site").is(site).andOperator(inYear(year));
        return MongoPages.find(template, WaterSample.class, filter, page, SORTABLE, CHRONOLOGICAL);
    }

    Flux<WaterSample> ofYear(int year) {
        return template.find(Query.query(inYear(year)), WaterSample.class);
    }

    Flux<WaterSample> ofSiteInYear(String site, int year) {
        return template.find(Query.query(Criteria.where("site").is(site).andOperator(inYear(year))), WaterSample.class);
    }

    /** The years in which the site has samples. */
    Flux<Integer> yearsOf(String site) {
        return template.find(Query.query(Criteria.where("site").is(site)), WaterSample.class)
                .map(WaterSample::year)
                .distinct();
    }

    /** Deletes the sample if the client saw its current version; answers what was deleted. */
    Mono<WaterSample> delete(String site, String id, IfMatch ifMatch) {
        Query sample = Query.query(Criteria.where("site").is(site).and("_id").is(id));
        return template.findOne(sample, WaterSample.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Site " + site + " has no sample " + id)))
                .flatMap(current -> {
                    ifMatch.check(current.version());
                    return template.findAndRemove(Query.of(sample)
                                    .addCriteria(Criteria.where("version").is(current.version())), WaterSample.class)
                            .switchIfEmpty(Mono.error(() -> new OptimisticLockingFailureException(
                                    "Sample " + id + " of site " + site + " changed after it was read")));
                });
    }

    private Map<String, BigDecimal> inTableOrder(Map<String, BigDecimal> values) {
        Map<String, BigDecimal> ordered = new LinkedHashMap<>();
        table.parameters().stream().filter(values::containsKey).forEach(name -> ordered.put(name, values.get(name)));
        return ordered;
    }

    /** ISO dates sort as text, so a year is a range of strings. */
    private static Criteria inYear(int year) {
        return Criteria.where("date").gte(year + "-01-01").lt((year + 1) + "-01-01");
    }

    /** A sample after entering: {@code created} is false when the same sample was already there. */
    record Entered(WaterSample sample, boolean created) {
    }
}
