package org.ecoplan.project.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.ApiProblem.FieldError;
import org.ecoplan.common.web.ETags.IfMatch;
import org.ecoplan.common.time.BureauDay;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.catalog.ProjectCatalog;
import org.ecoplan.project.catalog.ProjectStatus;
import org.ecoplan.project.catalog.Projects;
import org.ecoplan.project.catalog.StatusChange;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Moves projects through their {@link Lifecycle}. Each transition is appended to the project's status history with
 * who recorded it and when, and audited. It changes the status and nothing else: reaching COMPLETED neither closes
 * milestones nor reports 100 %; those are facts the department states on their own.
 */
@Service
class Transitions {

    static final int MAX_REASON = 2000;

    private final ProjectCatalog catalog;

    private final Projects projects;

    private final AuditTrail audit;

    private final Clock clock;

    Transitions(ProjectCatalog catalog, Projects projects, AuditTrail audit, Clock clock) {
        this.catalog = catalog;
        this.projects = projects;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws ApiProblem 422 without a target or a reason, or for a date in the future or before the last
     *         transition; 404 outside the caller's scope; 412 on a stale version; 409 for an illegal transition,
     *         listing the allowed targets under {@code allowed}
     *         and the status under {@code current}
     */
    Mono<Project> transition(EcoPrincipal who, String code, IfMatch ifMatch, TransitionRequest request) {
        LocalDate today = BureauDay.today(clock);
        LocalDate date = request.date() == null ? today : request.date();
        check(request, date, today);
        return catalog.editable(who, code).flatMap(current -> {
            ifMatch.check(current.version());
            Set<ProjectStatus> allowed = Lifecycle.allowedTargets(current.status(), current.statusHistory());
            if (!allowed.contains(request.to())) {
                throw illegal(current, request.to(), allowed);
            }
            checkAfterLastTransition(current, date);
            StatusChange change = new StatusChange(current.status(), request.to(), date, request.reason().strip(),
                    clock.instant(), who.username());
            return projects.update(current, new Update().set("status", request.to()).push("statusHistory", change))
                .flatMap(saved -> audit.record(Projects.ENTITY, code, "STATUS_CHANGED", current, saved)
                    .thenReturn(saved));
        });
    }

    private static void check(TransitionRequest request, LocalDate date, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (request.to() == null) {
            errors.add(new FieldError("to", "must name the status to move to, one of " + List.of(ProjectStatus.values())));
        }
        if (request.reason() == null || request.reason().isBlank()) {
            errors.add(new FieldError("reason", "must say why the status changes"));
        }
        else if (request.reason().length() > MAX_REASON) {
            errors.add(new FieldError("reason", "must be at most " + MAX_REASON + " characters"));
        }
        if (date.isAfter(today)) {
            errors.add(new FieldError("date", "must not be after today (" + today + "): record a transition once it "
                    + "has taken effect"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.unprocessable("The transition cannot be recorded as sent", errors);
        }
    }

    /** The history is read as a sequence; a transition dated before the previous one would contradict it. */
    private static void checkAfterLastTransition(Project project, LocalDate date) {
        List<StatusChange> history = project.statusHistory();
        if (history.isEmpty()) {
            return;
        }
        LocalDate last = history.get(history.size() - 1).date();
        if (date.isBefore(last)) {
            throw ApiProblem.unprocessable("The transition is dated before the previous one",
                    List.of(new FieldError("date", "must not be before " + last + ", when " + project.code()
                            + " last changed status")));
        }
    }

    private static ApiProblem illegal(Project project, ProjectStatus to, Set<ProjectStatus> allowed) {
        String detail = "Project " + project.code() + " is " + project.status() + " (" + project.status().label()
                + ") and cannot move to " + to + "; "
                + (allowed.isEmpty() ? "its status is final." : "it may move to " + allowed + ".");
        ApiProblem problem = ApiProblem.conflict(detail);
        problem.getBody().setProperty("current", project.status());
        problem.getBody().setProperty("allowed", allowed);
        return problem;
    }
}
