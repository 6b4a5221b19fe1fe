package org.ecoplan.indicator.observation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.mongo.MongoPages;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.ETags.IfMatch;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.ecoplan.indicator.catalog.DepartmentScope;
import org.ecoplan.indicator.catalog.Indicator;
import org.ecoplan.indicator.catalog.IndicatorCatalog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The indicators' observations and their approval (审核). Every change is audited under entity type
 * {@value #ENTITY} and the observation's id. Roles are checked by the controller; the department scope and the
 * four-eyes rule here.
 * <p>
 * The air and water features and the progress feature call only {@link #recordDerived}, {@link #withdrawDerived},
 * {@link #approvedSeries} and {@link #outliers}.
 */
@Service
public class Observations {

    static final String ENTITY = "observation";

    private static final String DERIVED_BY = "derived:";

    private static final Set<String> SORTABLE = Set.of("submittedAt", "decidedAt");

    /** The approval queue reads oldest first; the id keeps pages stable among equal instants. */
    private static final Sort OLDEST_FIRST = Sort.by("submittedAt", "_id");

    private static final int DERIVED_ATTEMPTS = 3;

    private final ReactiveMongoTemplate template;

    private final IndicatorCatalog catalog;

    private final ValueRanges ranges;

    private final OutlierRule outlierRule;

    private final AuditTrail audit;

    private final Clock clock;

    Observations(ReactiveMongoTemplate template, IndicatorCatalog catalog, ValueRanges ranges,
            OutlierRule outlierRule, AuditTrail audit, Clock clock) {
        this.template = template;
        this.catalog = catalog;
        this.ranges = ranges;
        this.outlierRule = outlierRule;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records (insert or replace, idempotent per indicatorCode + period + derivation.reference) a value computed
     * by the standards from imported monitoring data. It enters APPROVED with decidedBy "derived:<kind>": it is
     * the deterministic result of a standard applied to data an authorised editor imported, and the link makes
     * it traceable. Audited. The caller has authorised the import; recording the same value again changes
     * nothing.
     *
     * @throws ApiProblem 404 for an unknown indicator, 422 for a value outside the unit's range
     */
    public Mono<Observation> recordDerived(String indicatorCode, Period period, BigDecimal value, String source,
            String method, Derivation derivation) {
        String id = derivedId(indicatorCode, period, derivation.reference());
        return catalog.required(indicatorCode).flatMap(indicator -> {
            checkRange(indicator, value);
            return Mono.zip(submitter(), outlierFinding(indicatorCode, period, value))
                .flatMap(found -> template.findById(id, Observation.class)
                    .flatMap(existing -> replaceDerived(existing, value, source, method, derivation, found.getT1(),
                            found.getT2()))
                    .switchIfEmpty(Mono.defer(() -> insertDerived(id, indicator, period, value, source, method,
                            derivation, found.getT1(), found.getT2()))));
        })
            // Two imports of the same data racing: the unique id or the version lets one win, the other redoes.
            .retryWhen(Retry.max(DERIVED_ATTEMPTS)
                .filter(failure -> failure instanceof DuplicateKeyException
                        || failure instanceof OptimisticLockingFailureException));
    }

    /**
     * Withdraws the value derived for the indicator and period from {@code reference} once its data no longer
     * yield one (the year's last sample deleted, too little monitoring data left in the year): a derived value
     * follows its data, and a stale one would count for progress as if they still supported it. It is removed
     * like a withdrawn submission and audited {@code WITHDRAWN} with what it was, so its history stays readable;
     * a value other observations give for the period counts again. Nothing happens when there is none to
     * withdraw, so repeating it is harmless.
     *
     * @return whether there was one
     */
    public Mono<Boolean> withdrawDerived(String indicatorCode, Period period, String reference) {
        String id = derivedId(indicatorCode, period, reference);
        return template.findAndRemove(Query.query(Criteria.where("_id").is(id)), Observation.class)
            .flatMap(withdrawn -> audit.record(ENTITY, id, "WITHDRAWN", withdrawn, null).thenReturn(true))
            .defaultIfEmpty(false);
    }

    /** Approved values of an indicator, one per period, ordered by period. */
    public Flux<ObservedValue> approvedSeries(String indicatorCode) {
        return approvedSeries(List.of(indicatorCode))
            .flatMapIterable(byCode -> byCode.getOrDefault(indicatorCode, List.of()));
    }

    /**
     * The approved series of several indicators from one query, by code; an indicator without approved values is
     * absent. Of two approved values of one period the later decided counts, as in {@link #approvedSeries(String)}.
     */
    public Mono<Map<String, List<ObservedValue>>> approvedSeries(Collection<String> indicatorCodes) {
        Query approved = Query.query(Criteria.where("indicatorCode").in(indicatorCodes)
            .and("status").is(ObservationStatus.APPROVED)).with(Sort.by("decidedAt", "_id"));
        return template.find(approved, Observation.class)
            .collect(() -> new HashMap<String, TreeMap<Period, Observation>>(), (byCode, observation) -> byCode
                .computeIfAbsent(observation.indicatorCode(), code -> new TreeMap<>())
                .put(observation.period(), observation))
            .map(byCode -> {
                Map<String, List<ObservedValue>> series = new HashMap<>();
                byCode.forEach((code, byPeriod) -> series.put(code, byPeriod.values().stream()
                    .map(observation -> new ObservedValue(observation.period(), observation.value(),
                            observation.id(), observation.isDerived()))
                    .toList()));
                return series;
            });
    }

    /** Observations flagged as statistical outliers (for the data-quality findings), except returned ones. */
    public Flux<Observation> outliers() {
        return template.find(Query.query(Criteria.where("outlier").is(true)
            .and("status").ne(ObservationStatus.RETURNED)).with(OLDEST_FIRST), Observation.class);
    }

    /** Whether the indicator has any observation, which keeps it from being deleted. */
    public Mono<Boolean> exist(String indicatorCode) {
        return template.exists(Query.query(Criteria.where("indicatorCode").is(indicatorCode)), Observation.class);
    }

    /** @throws ApiProblem 404, 403 outside the department scope, 422 for a value outside the unit's range */
    Mono<Observation> submit(EcoPrincipal by, String indicatorCode, ObservationEntry entry) {
        return catalog.required(indicatorCode).flatMap(indicator -> {
            DepartmentScope.requireMayEdit(by, indicator);
            checkRange(indicator, entry.value());
            return outlierFinding(indicatorCode, entry.period(), entry.value())
                .map(finding -> submitted(null, indicator, entry, finding, null, by, null))
                .flatMap(template::insert)
                .flatMap(saved -> audit.record(ENTITY, saved.id(), "SUBMITTED", null, saved).thenReturn(saved));
        });
    }

    /**
     * Replaces a submitted or returned observation's value and submits it again.
     *
     * @throws ApiProblem 404, 403 outside the department scope, 409 once approved, 412 on a stale version, 422
     *         for a value outside the unit's range
     */
    Mono<Observation> revise(EcoPrincipal by, String indicatorCode, String id, IfMatch ifMatch,
            ObservationEntry entry) {
        return editable(by, indicatorCode, id, ifMatch).flatMap(current -> catalog.required(indicatorCode)
            .flatMap(indicator -> {
                checkRange(indicator, entry.value());
                return outlierFinding(indicatorCode, entry.period(), entry.value())
                    .map(finding -> submitted(current.id(), indicator, entry, finding, current.importId(), by,
                            current.version()))
                    .flatMap(template::save)
                    .flatMap(saved -> audit.record(ENTITY, id, "REVISED", current, saved).thenReturn(saved));
            }));
    }

    /** Withdraws a submitted or returned observation. @throws ApiProblem as {@link #revise} */
    Mono<Void> withdraw(EcoPrincipal by, String indicatorCode, String id, IfMatch ifMatch) {
        return editable(by, indicatorCode, id, ifMatch).flatMap(current -> template.remove(current)
            .flatMap(result -> result.getDeletedCount() == 0 ? Mono.error(changedMeanwhile(id))
                    : audit.record(ENTITY, id, "WITHDRAWN", current, null))
            .then());
    }

    /**
     * Approves a submitted observation, which locks its value.
     *
     * @throws ApiProblem 404, 403 for the observation's own submitter (four eyes), 409 unless submitted, 412 on a
     *         stale version
     */
    Mono<Observation> approve(EcoPrincipal by, String indicatorCode, String id, IfMatch ifMatch) {
        return decidable(by, indicatorCode, id, ifMatch)
            .flatMap(current -> decide(current, current.approved(by.username(), clock.instant()), "APPROVED"));
    }

    /** Returns a submitted observation to its submitter with a reason. @throws ApiProblem as {@link #approve} */
    Mono<Observation> returnToSubmitter(EcoPrincipal by, String indicatorCode, String id, IfMatch ifMatch,
            String reason) {
        return decidable(by, indicatorCode, id, ifMatch).flatMap(
                current -> decide(current, current.returned(reason, by.username(), clock.instant()), "RETURNED"));
    }

    /** @throws ApiProblem 404 when the indicator has no observation with that id */
    Mono<Observation> find(String indicatorCode, String id) {
        return template.findOne(Query.query(Criteria.where("_id").is(id).and("indicatorCode").is(indicatorCode)),
                Observation.class)
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound(
                    "Indicator " + indicatorCode + " has no observation with id " + id)));
    }

    Mono<PageResult<Observation>> list(ObservationFilter filter, PageQuery page) {
        return MongoPages.find(template, Observation.class, filter.criteria(), page, SORTABLE, OLDEST_FIRST);
    }

    /** Why the value cannot be right in the indicator's unit; empty when it is in range. */
    Optional<String> rangeViolation(Indicator indicator, BigDecimal value) {
        return ranges.violation(indicator.unit(), value);
    }

    /** The outlier rule's finding for a value of the period, against the approved values of other periods. */
    Mono<Optional<String>> outlierFinding(String indicatorCode, Period period, BigDecimal value) {
        return approvedSeries(indicatorCode).collectList().map(approved -> outlierFinding(approved, period, value));
    }

    /** The same against an indicator's approved values read once, for the many rows of an import. */
    Optional<String> outlierFinding(List<ObservedValue> approved, Period period, BigDecimal value) {
        return outlierRule.check(value, approved.stream()
            .filter(other -> other.period().isYear() == period.isYear() && !other.period().equals(period))
            .map(ObservedValue::value)
            .toList());
    }

    /** A new or revised observation waiting for approval. */
    Observation submitted(String id, Indicator indicator, ObservationEntry entry, Optional<String> outlier,
            String importId, EcoPrincipal by, Long version) {
        return new Observation(id, indicator.code(), entry.period(), entry.value(), indicator.unit(),
                entry.source(), entry.method(), entry.note(), ObservationStatus.SUBMITTED, outlier.isPresent(),
                outlier.orElse(null), null, importId, by.username(), by.subject(), clock.instant(), null, null, null,
                version);
    }

    private void checkRange(Indicator indicator, BigDecimal value) {
        rangeViolation(indicator, value).ifPresent(violation -> {
            throw ApiProblem.unprocessable("The value is out of range for " + indicator.code(),
                    List.of(new ApiProblem.FieldError("value", violation)));
        });
    }

    private Mono<Observation> editable(EcoPrincipal by, String indicatorCode, String id, IfMatch ifMatch) {
        return catalog.required(indicatorCode).flatMap(indicator -> {
            DepartmentScope.requireMayEdit(by, indicator);
            return find(indicatorCode, id);
        }).doOnNext(current -> {
            ifMatch.check(current.version());
            if (current.status() == ObservationStatus.APPROVED) {
                throw ApiProblem.conflict("Observation " + id + " is approved and its value is locked; "
                        + (current.isDerived() ? "it changes only with the monitoring data it was computed from."
                                : "submit a new observation to correct it."));
            }
        });
    }

    private Mono<Observation> decidable(EcoPrincipal by, String indicatorCode, String id, IfMatch ifMatch) {
        return find(indicatorCode, id).doOnNext(current -> {
            ifMatch.check(current.version());
            if (current.status() != ObservationStatus.SUBMITTED) {
                throw ApiProblem.conflict("Observation " + id + " is " + current.status()
                        + "; only a submitted observation is approved or returned.");
            }
            if (by.subject().equals(current.submittedBySubject())) {
                throw ApiProblem.forbidden("You submitted observation " + id
                        + "; another eco-admin must approve or return it (four-eyes rule).");
            }
        });
    }

    private Mono<Observation> decide(Observation current, Observation decided, String action) {
        return template.save(decided)
            .flatMap(saved -> audit.record(ENTITY, saved.id(), action, current, saved).thenReturn(saved));
    }

    private Mono<Observation> insertDerived(String id, Indicator indicator, Period period, BigDecimal value,
            String source, String method, Derivation derivation, EcoPrincipal by, Optional<String> outlier) {
        Instant now = clock.instant();
        Observation derived = new Observation(id, indicator.code(), period, value, indicator.unit(), source, method,
                null, ObservationStatus.APPROVED, outlier.isPresent(), outlier.orElse(null), derivation, null,
                by.username(), by.subject(), now, DERIVED_BY + derivation.kind(), now, null, null);
        return template.insert(derived)
            .flatMap(saved -> audit.record(ENTITY, id, "DERIVED", null, saved).thenReturn(saved));
    }

    private Mono<Observation> replaceDerived(Observation existing, BigDecimal value, String source, String method,
            Derivation derivation, EcoPrincipal by, Optional<String> outlier) {
        if (existing.value().compareTo(value) == 0 && existing.source().equals(source)
                && existing.method().equals(method) && existing.derivation().equals(derivation)) {
            return Mono.just(existing);
        }
        Instant now = clock.instant();
        Observation replaced = new Observation(existing.id(), existing.indicatorCode(), existing.period(), value,
                existing.unit(), source, method, null, ObservationStatus.APPROVED, outlier.isPresent(),
                outlier.orElse(null), derivation, null, by.username(), by.subject(), now,
                DERIVED_BY + derivation.kind(), now, null, existing.version());
        return template.save(replaced)
            .flatMap(saved -> audit.record(ENTITY, saved.id(), "DERIVED", existing, saved).thenReturn(saved));
    }

    /** The caller of the current request; the application itself outside one. */
    private static Mono<EcoPrincipal> submitter() {
        return EcoPrincipal.current()
            .defaultIfEmpty(new EcoPrincipal("system", "system", Set.of(), Optional.empty(), Optional.empty()));
    }

    private static ApiProblem changedMeanwhile(String id) {
        return ApiProblem.preconditionFailed("Observation " + id + " changed meanwhile; read it again.");
    }

    /** One id per indicator, period and reference: the unique {@code _id} makes recording idempotent. */
    static String derivedId(String indicatorCode, Period period, String reference) {
        String key = indicatorCode + "\n" + period + "\n" + Objects.requireNonNull(reference, "reference");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "derived-" + HexFormat.of().formatHex(hash, 0, 16);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", ex);
        }
    }
}
