package org.ecoplan.project.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.mongo.MongoPages;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.ApiProblem.FieldError;
import org.ecoplan.common.web.ETags.IfMatch;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.ecoplan.common.time.BureauDay;
import org.ecoplan.project.catalog.ExpectedReductions;
import org.ecoplan.project.catalog.ExpectedReductions.Reduction;
import org.ecoplan.project.catalog.Pollutant;
import org.ecoplan.project.catalog.ProjectCatalog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Progress reports of the projects' lead departments, audited under entity type {@value #ENTITY} and
 * {@code <project code>/<period>}. Figures are checked for what they are (ranges, units), not for what they say:
 * money that goes backwards or reductions above the expected ones are the department's statement and are kept as
 * sent, for data quality to point at.
 */
@Service
public class ProgressReports {

    static final String ENTITY = "progress-report";

    static final int MAX_ISSUES = 4000;

    private static final Set<String> SORTABLE = Set.of("periodEnd");

    /** Oldest first; the period breaks the tie between a month and the quarter it closes. */
    private static final Sort OLDEST_FIRST = Sort.by("periodEnd", "period");

    private final ReactiveMongoTemplate template;

    private final ProjectCatalog catalog;

    private final ReportAttachments attachments;

    private final AuditTrail audit;

    private final Clock clock;

    ProgressReports(ReactiveMongoTemplate template, ProjectCatalog catalog, ReportAttachments attachments,
            AuditTrail audit, Clock clock) {
        this.template = template;
        this.catalog = catalog;
        this.attachments = attachments;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws ApiProblem 422 for a period missing or not begun yet, a negative sum or a reduction not in t/a; 404
     *         outside the caller's scope; 409 when the project has a report for the period
     */
    Mono<ProgressReport> create(EcoPrincipal who, String code, ReportEntry entry,
            List<ReportAttachments.Upload> uploads) {
        List<FieldError> errors = new ArrayList<>();
        if (entry.period() == null) {
            errors.add(new FieldError("period", ReportingPeriod.FORMAT_HINT));
        }
        check(entry, errors);
        String period = entry.period().toString();
        return catalog.editable(who, code)
            .flatMap(project -> attachments.store(code, period, uploads, who))
            .flatMap(stored -> template.insert(new ProgressReport(null, code, period, entry.period().firstDay(),
                    entry.period().lastDay(), entry.physicalProgress(), entry.disbursedToDate(),
                    entry.achievedReductionsToDate(), blankToNull(entry.issues()), stored, clock.instant(),
                    who.username(), null, null, null))
                .onErrorResume(failure -> attachments.discard(stored).then(Mono.error(failure))))
            .onErrorMap(DuplicateKeyException.class, taken -> ApiProblem.conflict("Project " + code
                    + " already has a report for " + period + "; correct it with PUT " + path(code, period)
                    + " instead."))
            .flatMap(created -> audit.record(ENTITY, key(created), "REPORTED", null, created).thenReturn(created));
    }

    /**
     * Replaces a report's figures; its attachments stay.
     *
     * @throws ApiProblem 422 for another period in the body or figures out of range; 404 for an unknown report or
     *         outside the caller's scope; 412 on a stale version
     */
    Mono<ProgressReport> correct(EcoPrincipal who, String code, String period, IfMatch ifMatch, ReportEntry entry) {
        List<FieldError> errors = new ArrayList<>();
        if (entry.period() != null && !entry.period().toString().equals(period)) {
            errors.add(new FieldError("period", "must be absent or " + period + ": a report's period never changes"));
        }
        check(entry, errors);
        return catalog.editable(who, code).then(required(code, period)).flatMap(current -> {
            ifMatch.check(current.version());
            ProgressReport next = new ProgressReport(current.id(), code, current.period(), current.periodStart(),
                    current.periodEnd(), entry.physicalProgress(), entry.disbursedToDate(),
                    entry.achievedReductionsToDate(), blankToNull(entry.issues()), current.attachments(),
                    current.reportedAt(), current.reportedBy(), clock.instant(), who.username(), current.version());
            return template.save(next)
                .flatMap(saved -> audit.record(ENTITY, key(saved), "CORRECTED", current, saved).thenReturn(saved));
        });
    }

    /**
     * Adds files to a report.
     *
     * @throws ApiProblem 404 for an unknown report or outside the caller's scope; 412 on a stale version; 413 or 422
     *         for files {@link ReportAttachments#read} refuses
     */
    Mono<ProgressReport> attach(EcoPrincipal who, String code, String period, IfMatch ifMatch, Flux<FilePart> files) {
        return catalog.editable(who, code).then(required(code, period)).flatMap(current -> {
            ifMatch.check(current.version());
            return attachments.read(files, current.attachments().size())
                .flatMap(uploads -> attachments.store(code, period, uploads, who))
                .flatMap(stored -> template.save(withMore(current, stored))
                    .onErrorResume(failure -> attachments.discard(stored).then(Mono.error(failure))))
                .flatMap(saved -> audit.record(ENTITY, key(saved), "ATTACHMENTS_ADDED", current, saved)
                    .thenReturn(saved));
        });
    }

    /** A project's reports, oldest first unless sorted by {@code periodEnd}. */
    Mono<PageResult<ProgressReport>> list(String code, PageQuery page) {
        return catalog.required(code).then(MongoPages.find(template, ProgressReport.class,
                Criteria.where("projectCode").is(code), page, SORTABLE, OLDEST_FIRST));
    }

    /** @throws ApiProblem 404 for an unknown project or report */
    Mono<ProgressReport> find(String code, String period) {
        return catalog.required(code).then(required(code, period));
    }

    static String key(ProgressReport report) {
        return report.projectCode() + "/" + report.period();
    }

    private Mono<ProgressReport> required(String code, String period) {
        return template.findOne(Query.query(Criteria.where("projectCode").is(code).and("period").is(period)),
                ProgressReport.class)
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Project " + code + " has no report for " + period)));
    }

    private void check(ReportEntry entry, List<FieldError> errors) {
        LocalDate today = BureauDay.today(clock);
        if (entry.period() != null && entry.period().firstDay().isAfter(today)) {
            errors.add(new FieldError("period", entry.period() + " has not begun yet (today is " + today + ")"));
        }
        if (entry.disbursedToDate().amount().signum() < 0) {
            errors.add(new FieldError("disbursedToDate.amount", "must not be negative"));
        }
        Set<Pollutant> seen = EnumSet.noneOf(Pollutant.class);
        List<Reduction> reductions = entry.achievedReductionsToDate();
        for (int i = 0; i < reductions.size(); i++) {
            Reduction reduction = reductions.get(i);
            String field = "achievedReductionsToDate[" + i + "]";
            if (reduction == null || reduction.pollutant() == null || reduction.amount() == null) {
                errors.add(new FieldError(field, "must name a pollutant and an amount"));
                continue;
            }
            if (!seen.add(reduction.pollutant())) {
                errors.add(new FieldError(field + ".pollutant", reduction.pollutant() + " is listed twice"));
            }
            if (reduction.amount().signum() < 0) {
                errors.add(new FieldError(field + ".amount", "must not be negative"));
            }
            if (!ExpectedReductions.TONNES_PER_YEAR.equals(reduction.unit())) {
                errors.add(new FieldError(field + ".unit", "must be " + ExpectedReductions.TONNES_PER_YEAR
                        + " (tonnes per year), the unit of the plan's reductions"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.unprocessable("The progress report cannot be recorded as sent", errors);
        }
    }

    private static ProgressReport withMore(ProgressReport report, List<Attachment> added) {
        List<Attachment> all = new ArrayList<>(report.attachments());
        all.addAll(added);
        return new ProgressReport(report.id(), report.projectCode(), report.period(), report.periodStart(),
                report.periodEnd(), report.physicalProgress(), report.disbursedToDate(),
                report.achievedReductionsToDate(), report.issues(), all, report.reportedAt(), report.reportedBy(),
                report.correctedAt(), report.correctedBy(), report.version());
    }

    private static String path(String code, String period) {
        return "/api/v1/projects/" + code + "/reports/" + period;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
