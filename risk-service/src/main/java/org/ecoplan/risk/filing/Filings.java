package org.ecoplan.risk.filing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.ecoplan.common.audit.AuditEntry;
import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.mongo.MongoPages;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.time.BureauDay;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.ApiProblem.FieldError;
import org.ecoplan.common.web.ETags.IfMatch;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.ecoplan.risk.calendar.OfficialCalendar;
import org.ecoplan.risk.calendar.WorkingDay;
import org.ecoplan.risk.calendar.WorkingDayCount;
import org.ecoplan.risk.enterprise.Enterprise;
import org.ecoplan.risk.enterprise.EnterpriseDirectory;
import org.ecoplan.risk.enterprise.EnterpriseScope;
import org.ecoplan.risk.grading.RiskLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Emergency-plan filings from the enterprise's draft to the bureau's decision. Every change is audited under
 * entity type {@value #ENTITY} and the filing's id. Roles are checked by the controllers; the enterprise scope
 * (an enterprise sees only its own filings, anyone else's id is 404) and the state machine here.
 */
@Service
class Filings {

    static final String ENTITY = "emergency-plan";

    private static final Logger LOG = LoggerFactory.getLogger(Filings.class);

    private static final Set<String> SORTABLE = Set.of("signedOn", "checkDueOn", "filedOn", "createdAt");

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"));

    private static final Sort BY_CHECK_DEADLINE = Sort.by("checkDueOn", "_id");

    private final ReactiveMongoTemplate template;

    private final EnterpriseDirectory directory;

    private final DocumentStore store;

    private final FilingNumbers numbers;

    private final OfficialCalendar calendar;

    private final AuditTrail audit;

    private final FilingProperties properties;

    private final Clock clock;

    private final Mono<Boolean> indexes;

    Filings(ReactiveMongoTemplate template, EnterpriseDirectory directory, DocumentStore store,
            FilingNumbers numbers, OfficialCalendar calendar, AuditTrail audit, FilingProperties properties,
            Clock clock) {
        this.template = template;
        this.directory = directory;
        this.store = store;
        this.numbers = numbers;
        this.calendar = calendar;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.indexes = template.indexOps(EmergencyPlanFiling.class)
            // Sparse: drafts have no number yet. The issued-number registry guards serials on every server;
            // this guards the filings themselves where the server enforces sparse unique indexes.
            .createIndex(new Index().on("filingNumber", Sort.Direction.ASC).unique().sparse())
            .then(template.indexOps(EmergencyPlanFiling.class)
                .createIndex(new Index().on("enterpriseId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)))
            .thenReturn(true)
            .cacheInvalidateIf(created -> false);
    }

    /** A scoped view of one caller: the filings it may see. */
    Mono<EmergencyPlanFiling> find(EcoPrincipal by, String id) {
        return template.findById(id, EmergencyPlanFiling.class)
            .filter(filing -> EnterpriseScope.of(by).permits(filing.enterpriseId()))
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("There is no emergency-plan filing with id " + id)));
    }

    Mono<PageResult<EmergencyPlanFiling>> list(EcoPrincipal by, FilingStatus status, String enterpriseId,
            PageQuery page) {
        Criteria criteria = EnterpriseScope.of(by).criteria("enterpriseId");
        if (status != null) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("status").is(status));
        }
        if (enterpriseId != null) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("enterpriseId").is(enterpriseId));
        }
        return MongoPages.find(template, EmergencyPlanFiling.class, criteria, page, SORTABLE, NEWEST_FIRST);
    }

    Mono<PageResult<AuditEntry>> history(EcoPrincipal by, String id, PageQuery page) {
        return find(by, id).then(audit.history(ENTITY, id, page));
    }

    /**
     * A new draft for the caller's own enterprise.
     *
     * @throws ApiProblem 404 when the caller's enterprise is not registered, 422 for a signing date in the future
     *         or older than the review interval
     */
    Mono<EmergencyPlanFiling> create(EcoPrincipal by, FilingRequest request) {
        String enterpriseId = by.enterpriseId().orElse("");
        return directory.byId(EnterpriseScope.of(by), enterpriseId)
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Your account's enterprise " + enterpriseId
                    + " is not registered with the bureau; ask the bureau to register it first.")))
            .flatMap(enterprise -> {
                WorkingDay due = filingDue(request.signedOn());
                EmergencyPlanFiling draft = new EmergencyPlanFiling(null, enterprise.id(), enterprise.name(),
                        countyOf(enterprise), request.signedOn(), request.declaredLevel(), request.crossRegion(),
                        FilingStatus.DRAFT, List.of(), List.of(), due.date(), due.estimated(), null, null, List.of(),
                        null, List.of(), null, null, null, null, null, null, clock.instant(), by.username(), null);
                return indexes.then(template.insert(draft));
            })
            .flatMap(saved -> audit.record(ENTITY, saved.id(), "CREATED", null, saved).thenReturn(saved));
    }

    /** Corrects the filing's details while it is a draft or returned. */
    Mono<EmergencyPlanFiling> changeDetails(EcoPrincipal by, String id, IfMatch ifMatch, FilingRequest request) {
        return editable(by, id, ifMatch).flatMap(current -> {
            WorkingDay due = filingDue(request.signedOn());
            return save(current, current.change()
                .details(request.signedOn(), request.declaredLevel(), request.crossRegion(), due.date(),
                        due.estimated())
                .build(), "DETAILS_CHANGED");
        });
    }

    /**
     * Stores a document in its kind's place. The filing's state and version are checked before the upload is read
     * and again when it is recorded; whatever fails, the new file is removed and the filing stays as it was.
     */
    Mono<EmergencyPlanFiling> upload(EcoPrincipal by, String id, DocumentKind kind, IfMatch ifMatch,
            String filename, Flux<DataBuffer> content) {
        return editable(by, id, ifMatch).flatMap(current -> store
            .store(content, filename, properties.maxDocumentSize().toBytes())
            .flatMap(stored -> {
                FiledDocument document = new FiledDocument(kind, stored.fileId(), filename, stored.type(),
                        stored.size(), stored.sha256(), clock.instant(), by.username());
                // Only a failed save leaves the file unreferenced; once saved, the filing points at it.
                return template.save(current.change().document(document).build())
                    .onErrorResume(failure -> store.delete(stored.fileId()).then(Mono.error(failure)))
                    .flatMap(saved -> audited(current, saved, "DOCUMENT_UPLOADED"));
            }));
    }

    Mono<FiledDocument> document(EcoPrincipal by, String id, DocumentKind kind) {
        return find(by, id).flatMap(filing -> Mono.justOrEmpty(filing.document(kind)))
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Filing " + id + " has no " + kind.en() + " ("
                    + kind.zh() + ") yet")));
    }

    Flux<DataBuffer> content(FiledDocument document) {
        return store.content(document.fileId());
    }

    /**
     * Submits (or refiles) a complete filing. The first submission is judged against the 20 working days after
     * signing: a late one is accepted and marked late with the working days it is late by.
     *
     * @throws ApiProblem 422 listing every missing document
     */
    Mono<EmergencyPlanFiling> submit(EcoPrincipal by, String id, IfMatch ifMatch) {
        return editable(by, id, ifMatch).flatMap(current -> {
            List<DocumentKind> missing = current.missingDocuments();
            if (!missing.isEmpty()) {
                return Mono.error(ApiProblem.unprocessable("The filing lacks " + missing.size()
                        + " of its five documents; upload them and submit again.", missing.stream()
                            .map(kind -> new FieldError("documents." + kind.slug(),
                                    kind.zh() + " (" + kind.en() + ") is missing"))
                            .toList()));
            }
            LocalDate today = BureauDay.today(clock);
            WorkingDay checkDue = calendar.plusWorkingDays(today, properties.checkWorkingDays(), true);
            WorkingDayCount lateBy = calendar.workingDaysBetween(current.filingDueOn(), today, true);
            boolean late = lateBy.workingDays() > 0;
            Submission submission = new Submission(clock.instant(), today, by.username(), checkDue.date(),
                    checkDue.estimated() || lateBy.estimated() || current.filingDueEstimated());
            return save(current, current.change().submitted(submission, late, Math.max(lateBy.workingDays(), 0))
                .build(), current.submissions().isEmpty() ? "SUBMITTED" : "REFILED");
        });
    }

    /** The submissions waiting for the bureau's check, the nearest deadline first. */
    Mono<PageResult<QueuedFiling>> reviewQueue(PageQuery page) {
        LocalDate today = BureauDay.today(clock);
        return MongoPages.find(template, EmergencyPlanFiling.class,
                Criteria.where("status").is(FilingStatus.SUBMITTED), page, Set.of("checkDueOn"), BY_CHECK_DEADLINE)
            .map(found -> found.map(filing -> {
                WorkingDayCount left = calendar.workingDaysBetween(today, filing.checkDueOn(), true);
                return new QueuedFiling(filing, left.workingDays(), left.workingDays() < 0, left.estimated());
            }));
    }

    /**
     * Accepts a submitted filing: issues its number and starts its review period. A plan in force of the same
     * enterprise is superseded by it. The filing is filed at the enterprise's graded level, not at the level it
     * declares: the letter in the number, the public list and the receipt are the bureau's word.
     *
     * @throws ApiProblem 409 when the enterprise is not graded yet or its plan declares a level below its grade;
     *         the reviewer then returns the filing for the plan to be corrected
     */
    Mono<EmergencyPlanFiling> accept(EcoPrincipal by, String id, IfMatch ifMatch) {
        return decidable(by, id, ifMatch).flatMap(current -> registered(current)
            .flatMap(enterprise -> {
                RiskLevel graded = filedLevel(current, enterprise);
                LocalDate today = BureauDay.today(clock);
                return claim(current).flatMap(claimed -> numbers.issue(current.countyCode(), today.getYear(),
                        graded, current.crossRegion(), current.id())
                    .map(number -> claimed.change()
                        .filed(enterprise.name(), number, today, by.username(),
                                today.plus(properties.reviewInterval()))
                        .build()));
            })
            .flatMap(filed -> save(current, filed, "ACCEPTED"))
            // The filing is accepted once saved; a plan left in force here is superseded when next read.
            .flatMap(filed -> supersedeEarlier(filed)
                .onErrorResume(failure -> {
                    LOG.warn("Filing {} is accepted but its enterprise's earlier plans are not yet superseded",
                            filed.id(), failure);
                    return Mono.empty();
                })
                .thenReturn(filed)));
    }

    /** Returns a submitted filing with one notice listing everything missing or deficient. */
    Mono<EmergencyPlanFiling> returnToEnterprise(EcoPrincipal by, String id, IfMatch ifMatch,
            List<Deficiency> items) {
        return decidable(by, id, ifMatch).flatMap(current -> {
            WorkingDay refileBy = calendar.plusWorkingDays(BureauDay.today(clock), properties.refileWorkingDays(),
                    true);
            ReturnNotice notice = new ReturnNotice(items, refileBy.date(), refileBy.estimated(), clock.instant(),
                    by.username());
            return save(current, current.change().returned(notice).build(), "RETURNED");
        });
    }

    /**
     * Claims a submitted filing for one accept before its number is drawn: the version is raised only if it is
     * still the one read and the filing still SUBMITTED, so of two concurrent accepts one gets the filing and the
     * other 412, and no serial is drawn for a filing that cannot be saved.
     */
    private Mono<EmergencyPlanFiling> claim(EmergencyPlanFiling current) {
        Query unchanged = Query.query(Criteria.where("_id").is(current.id())
            .and("version").is(current.version())
            .and("status").is(FilingStatus.SUBMITTED));
        return template.updateFirst(unchanged, new Update().inc("version", 1), EmergencyPlanFiling.class)
            .flatMap(result -> result.getModifiedCount() == 1
                    ? template.findById(current.id(), EmergencyPlanFiling.class)
                    : Mono.error(ApiProblem.preconditionFailed("Filing " + current.id()
                            + " was changed or accepted meanwhile; read it again.")));
    }

    private static RiskLevel filedLevel(EmergencyPlanFiling filing, Enterprise enterprise) {
        RiskLevel graded = enterprise.riskLevel();
        if (graded == null) {
            throw ApiProblem.conflict("Enterprise " + enterprise.id() + " is not graded yet (未定级); grade its "
                    + "risk sources before accepting filing " + filing.id() + ", or return the filing.");
        }
        if (filing.declaredLevel().compareTo(graded) < 0) {
            throw ApiProblem.conflict("Filing " + filing.id() + " declares " + filing.declaredLevel() + " ("
                    + filing.declaredLevel().zh() + ") but enterprise " + enterprise.id() + " is graded " + graded
                    + " (" + graded.zh() + "); return the filing for its plan to be corrected.");
        }
        return graded;
    }

    Mono<Enterprise> registered(EmergencyPlanFiling filing) {
        return directory.byId(new EnterpriseScope.District(), filing.enterpriseId())
            .switchIfEmpty(Mono.error(() -> ApiProblem.conflict("Enterprise " + filing.enterpriseId()
                    + " of filing " + filing.id() + " is no longer registered")));
    }

    /**
     * Saves a changed filing if nobody changed it meanwhile (else 412), and audits the change.
     *
     * @throws ApiProblem 409 for a step {@link FilingStatus#canBecome} does not allow
     */
    Mono<EmergencyPlanFiling> save(EmergencyPlanFiling current, EmergencyPlanFiling next, String action) {
        if (current.status() != next.status() && !current.status().canBecome(next.status())) {
            return Mono.error(ApiProblem.conflict("Filing " + current.id() + " is " + current.status() + " ("
                    + current.status().zh() + ") and cannot become " + next.status() + "."));
        }
        return template.save(next).flatMap(saved -> audited(current, saved, action));
    }

    private Mono<EmergencyPlanFiling> audited(EmergencyPlanFiling before, EmergencyPlanFiling saved, String action) {
        return audit.record(ENTITY, saved.id(), action, before, saved).thenReturn(saved);
    }

    private Mono<Void> supersedeEarlier(EmergencyPlanFiling filed) {
        Query earlier = Query.query(Criteria.where("enterpriseId").is(filed.enterpriseId())
            .and("status").in(FilingStatus.IN_FORCE)
            .and("_id").ne(filed.id()));
        return template.find(earlier, EmergencyPlanFiling.class).concatMap(this::supersede).then();
    }

    /**
     * Marks a plan in force superseded. A reader may mark it REVISION_REQUIRED meanwhile: on such a clash the plan is
     * read again and superseded as it now stands, unless it is no longer in force.
     */
    Mono<EmergencyPlanFiling> supersede(EmergencyPlanFiling old) {
        return save(old, old.change().status(FilingStatus.SUPERSEDED, old.revisionReason()).build(), "SUPERSEDED")
            .onErrorResume(OptimisticLockingFailureException.class, clash -> template
                .findById(old.id(), EmergencyPlanFiling.class)
                .filter(now -> FilingStatus.IN_FORCE.contains(now.status()))
                .flatMap(this::supersede));
    }

    private Mono<EmergencyPlanFiling> editable(EcoPrincipal by, String id, IfMatch ifMatch) {
        return find(by, id).doOnNext(current -> {
            ifMatch.check(current.version());
            if (!current.status().editable()) {
                throw ApiProblem.conflict("Filing " + id + " is " + current.status() + " (" + current.status().zh()
                        + "); the enterprise changes a filing only while it is DRAFT or RETURNED.");
            }
        });
    }

    private Mono<EmergencyPlanFiling> decidable(EcoPrincipal by, String id, IfMatch ifMatch) {
        return find(by, id).doOnNext(current -> {
            ifMatch.check(current.version());
            if (current.status() != FilingStatus.SUBMITTED) {
                throw ApiProblem.conflict("Filing " + id + " is " + current.status() + " (" + current.status().zh()
                        + "); only a SUBMITTED filing is accepted or returned.");
            }
        });
    }

    /**
     * The last day of the filing window. A signing date in the future or older than a plan's review interval is
     * refused: the first cannot be, the second is a plan due for review, not for filing.
     */
    private WorkingDay filingDue(LocalDate signedOn) {
        LocalDate today = BureauDay.today(clock);
        if (signedOn.isAfter(today)) {
            throw ApiProblem.unprocessable("The plan cannot be signed after today",
                    List.of(new FieldError("signedOn", "must not be after " + today)));
        }
        if (signedOn.plus(properties.reviewInterval()).isBefore(today)) {
            throw ApiProblem.unprocessable("A plan signed more than " + properties.reviewInterval()
                    + " ago is due for review; review and sign it again before filing it.",
                    List.of(new FieldError("signedOn", "must be within " + properties.reviewInterval()
                            + " before today")));
        }
        return calendar.plusWorkingDays(signedOn, properties.filingWindowWorkingDays(), true);
    }

    /** The county code inside the enterprise's id {@code E-<county>-<serial>}. */
    static String countyOf(Enterprise enterprise) {
        String[] parts = enterprise.id().split("-");
        if (parts.length != 3 || !parts[1].matches("\\d{6}")) {
            throw new IllegalStateException("Enterprise id " + enterprise.id() + " does not name a county");
        }
        return parts[1];
    }
}
