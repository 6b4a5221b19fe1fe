package org.ecoplan.risk.filing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.common.mongo.MongoPages;
import org.ecoplan.common.time.BureauDay;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.ecoplan.risk.enterprise.Enterprise;
import org.ecoplan.risk.enterprise.EnterpriseDirectory;
import org.ecoplan.risk.enterprise.EnterpriseScope;
import org.ecoplan.risk.grading.RiskLevel;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The filed plans in force: their review deadlines, the plans to revise, the public list and the overview's
 * summary.
 * <p>
 * Whether a plan must be revised is pulled, not pushed: each read compares the filed level with the enterprise's
 * current {@code riskLevel}, so no grading event can be lost between the two features. A plan whose enterprise now
 * grades higher becomes REVISION_REQUIRED there and then, audited as a change by the system.
 */
@Service
class PlansInForce {

    private static final Sort BY_REVIEW_DEADLINE = Sort.by("nextReviewDueOn", "_id");

    /** Filing order: by day, and within a day by serial (one county and year). */
    private static final Comparator<EmergencyPlanFiling> FILED_ORDER = Comparator
        .comparing(EmergencyPlanFiling::filedOn)
        .thenComparing(filing -> FilingNumber.serialOf(filing.filingNumber()));

    private static final Sort PUBLIC_ORDER = Sort.by(Sort.Order.desc("filedOn"), Sort.Order.asc("filingNumber"));

    private final ReactiveMongoTemplate template;

    private final EnterpriseDirectory directory;

    private final Filings filings;

    private final FilingProperties properties;

    private final Clock clock;

    PlansInForce(ReactiveMongoTemplate template, EnterpriseDirectory directory, Filings filings,
            FilingProperties properties, Clock clock) {
        this.template = template;
        this.directory = directory;
        this.filings = filings;
        this.properties = properties;
        this.clock = clock;
    }

    /** A plan in force with its review deadline. */
    record PlanDeadline(String filingId, String enterpriseId, LocalizedName enterpriseName, String filingNumber,
            LocalDate filedOn, RiskLevel filedLevel, RiskLevel currentLevel, FilingStatus status,
            String revisionReason, ReviewDeadline review) {
    }

    /**
     * The bureau's view: overdue reviews, the reminders by window (largest first), and the plans to revise.
     *
     * @param reminders per reminder window in days, the plans that have entered it and no smaller one
     */
    record Deadlines(LocalDate asOf, List<PlanDeadline> overdue, Map<Integer, List<PlanDeadline>> reminders,
            List<PlanDeadline> revisionRequired) {
    }

    /** One line of the public list of filed enterprises (企业突发环境事件应急预案备案信息公开). */
    record PublicEntry(LocalizedName enterpriseName, String filingNumber, LocalDate filedOn, RiskLevel riskLevel,
            String riskLevelZh) {
    }

    /**
     * @param filingsByStatus every status, zero included
     * @param overdueReviews plans in force past their review deadline
     * @param revisionRequired plans to be revised because the enterprise now grades higher
     * @param checksOverdue submissions the bureau has not checked within its working days
     * @param enterprisesByRiskLevel registered enterprises per current level; {@code UNGRADED} for those not graded
     */
    record Summary(LocalDate asOf, Map<FilingStatus, Long> filingsByStatus, long overdueReviews,
            long revisionRequired, long checksOverdue, Map<String, Long> enterprisesByRiskLevel) {
    }

    Mono<Deadlines> deadlines() {
        LocalDate today = BureauDay.today(clock);
        return refreshed()
            .map(all -> {
                List<PlanDeadline> sorted = all.stream()
                    .map(plan -> deadline(plan.filing(), plan.enterprise() == null ? null
                            : plan.enterprise().riskLevel(), today))
                    .sorted((a, b) -> a.review().dueOn().compareTo(b.review().dueOn()))
                    .toList();
                Map<Integer, List<PlanDeadline>> reminders = new LinkedHashMap<>();
                properties.reminderDays().forEach(days -> reminders.put(days, new ArrayList<>()));
                sorted.stream().filter(plan -> plan.review().reminder() != null)
                    .forEach(plan -> reminders.get(plan.review().reminder()).add(plan));
                return new Deadlines(today, sorted.stream().filter(plan -> plan.review().overdue()).toList(),
                        reminders, sorted.stream()
                            .filter(plan -> plan.status() == FilingStatus.REVISION_REQUIRED)
                            .toList());
            });
    }

    Mono<PageResult<PublicEntry>> publicList(PageQuery page) {
        return MongoPages.find(template, EmergencyPlanFiling.class,
                Criteria.where("status").in(FilingStatus.IN_FORCE), page, Set.of(), PUBLIC_ORDER)
            .map(found -> found.map(filing -> new PublicEntry(filing.enterpriseName(), filing.filingNumber(),
                    filing.filedOn(), filing.filedLevel(), filing.filedLevel().zh())));
    }

    Mono<Summary> summary() {
        LocalDate today = BureauDay.today(clock);
        return refreshed().then(Mono.zip(byStatus(), count(Criteria.where("status").in(FilingStatus.IN_FORCE)
            .and("nextReviewDueOn").lt(today)),
                count(Criteria.where("status").is(FilingStatus.REVISION_REQUIRED)),
                count(Criteria.where("status").is(FilingStatus.SUBMITTED).and("checkDueOn").lt(today)),
                enterprisesByLevel()))
            .map(found -> new Summary(today, found.getT1(), found.getT2(), found.getT3(), found.getT4(),
                    found.getT5()));
    }

    /**
     * Brings one filing up to date; for the filing's own page. A plan in force is superseded by a newer plan in force
     * of its enterprise (an accept whose superseding failed leaves one behind), and a FILED plan requires revision
     * when its enterprise grades higher.
     */
    Mono<EmergencyPlanFiling> refresh(EmergencyPlanFiling filing) {
        if (!FilingStatus.IN_FORCE.contains(filing.status())) {
            return Mono.just(filing);
        }
        Query othersInForce = Query.query(Criteria.where("enterpriseId").is(filing.enterpriseId())
            .and("status").in(FilingStatus.IN_FORCE)
            .and("_id").ne(filing.id()));
        return template.find(othersInForce, EmergencyPlanFiling.class).collectList()
            .zipWith(directory.byId(new EnterpriseScope.District(), filing.enterpriseId())
                .map(Optional::of).defaultIfEmpty(Optional.empty()))
            .flatMap(found -> refresh(filing, found.getT1(), found.getT2().orElse(null)));
    }

    /** A plan in force as brought up to date, with its enterprise ({@code null} if it is no longer registered). */
    private record PlanInForce(EmergencyPlanFiling filing, Enterprise enterprise) {
    }

    /**
     * Every plan in force brought up to date, in two reads however many there are: the plans, then their
     * enterprises.
     */
    private Mono<List<PlanInForce>> refreshed() {
        return template.find(Query.query(Criteria.where("status").in(FilingStatus.IN_FORCE))
            .with(BY_REVIEW_DEADLINE), EmergencyPlanFiling.class)
            .collectList()
            .flatMap(inForce -> directory.byIds(new EnterpriseScope.District(),
                    inForce.stream().map(EmergencyPlanFiling::enterpriseId).toList())
                .collectMap(Enterprise::id)
                .flatMap(enterprises -> {
                    Map<String, List<EmergencyPlanFiling>> byEnterprise = inForce.stream()
                        .collect(Collectors.groupingBy(EmergencyPlanFiling::enterpriseId));
                    return Flux.fromIterable(inForce)
                        .concatMap(filing -> {
                            Enterprise enterprise = enterprises.get(filing.enterpriseId());
                            List<EmergencyPlanFiling> others = byEnterprise.get(filing.enterpriseId()).stream()
                                .filter(other -> !other.id().equals(filing.id()))
                                .toList();
                            return refresh(filing, others, enterprise)
                                .map(refreshed -> new PlanInForce(refreshed, enterprise));
                        })
                        .collectList();
                }));
    }

    private Mono<EmergencyPlanFiling> refresh(EmergencyPlanFiling filing, List<EmergencyPlanFiling> othersInForce,
            Enterprise enterprise) {
        if (othersInForce.stream().anyMatch(other -> FILED_ORDER.compare(other, filing) > 0)) {
            return filings.supersede(filing).contextWrite(ReactiveSecurityContextHolder.clearContext())
                .defaultIfEmpty(filing);
        }
        return revisionChecked(filing, enterprise);
    }

    private Mono<EmergencyPlanFiling> revisionChecked(EmergencyPlanFiling filing, Enterprise enterprise) {
        if (filing.status() != FilingStatus.FILED || enterprise == null || enterprise.riskLevel() == null
                || enterprise.riskLevel().compareTo(filing.filedLevel()) <= 0) {
            return Mono.just(filing);
        }
        return filings
            .save(filing, filing.change().status(FilingStatus.REVISION_REQUIRED, revisionReason(filing,
                    enterprise.riskLevel())).build(), "REVISION_REQUIRED")
            // The system found it, not whoever happened to read: the audit names the system.
            .contextWrite(ReactiveSecurityContextHolder.clearContext())
            // Another reader got there first, or the filing changed: read what is stored now.
            .onErrorResume(OptimisticLockingFailureException.class,
                    raced -> template.findById(filing.id(), EmergencyPlanFiling.class));
    }

    private PlanDeadline deadline(EmergencyPlanFiling filing, RiskLevel currentLevel, LocalDate today) {
        return new PlanDeadline(filing.id(), filing.enterpriseId(), filing.enterpriseName(), filing.filingNumber(),
                filing.filedOn(), filing.filedLevel(), currentLevel, filing.status(), filing.revisionReason(),
                ReviewDeadline.of(filing.nextReviewDueOn(), today, properties.reminderDays()));
    }

    private static String revisionReason(EmergencyPlanFiling filing, RiskLevel current) {
        return "企业当前环境风险级别" + current.zh() + "(" + current.letter() + ")高于备案级别" + filing.filedLevel().zh()
                + "(" + filing.filedLevel().letter() + "): the enterprise now grades " + current.en()
                + ", above the filed " + filing.filedLevel().en() + "; its plan must be revised and filed again.";
    }

    private Mono<Map<FilingStatus, Long>> byStatus() {
        return Flux.fromArray(FilingStatus.values())
            .concatMap(status -> count(Criteria.where("status").is(status)).map(count -> Map.entry(status, count)))
            .collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(FilingStatus.class));
    }

    private Mono<Map<String, Long>> enterprisesByLevel() {
        return Flux.fromArray(RiskLevel.values())
            .concatMap(level -> template.count(Query.query(Criteria.where("riskLevel").is(level)), Enterprise.class)
                .map(count -> Map.entry(level.name(), count)))
            .concatWith(template.count(Query.query(Criteria.where("riskLevel").isNull()), Enterprise.class)
                .map(count -> Map.entry("UNGRADED", count)))
            .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
    }

    private Mono<Long> count(Criteria criteria) {
        return template.count(Query.query(criteria), EmergencyPlanFiling.class);
    }
}
