package org.ecoplan.project.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.ApiProblem.FieldError;
import org.ecoplan.common.web.ETags.IfMatch;
import org.ecoplan.common.time.BureauDay;
import org.ecoplan.project.catalog.Milestone;
import org.ecoplan.project.catalog.Modification;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.catalog.ProjectCatalog;
import org.ecoplan.project.catalog.Projects;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A project's milestones. Reaching one (its actual date) is a plain update; moving its planned date changes the
 * schedule the project is judged by, so it needs a reason and is kept among the project's modifications with the
 * dates before and after. Removing a milestone takes its planned date out of the schedule and is kept the same way.
 */
@Service
class Milestones {

    static final int MAX_TEXT = 2000;

    /** Keys become part of a modification's field path ({@code milestones.<key>.plannedDate}): no dots. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private static final Comparator<Milestone> BY_PLANNED_DATE = Comparator.comparing(Milestone::plannedDate)
        .thenComparing(Milestone::key);

    private final ProjectCatalog catalog;

    private final Projects projects;

    private final AuditTrail audit;

    private final Clock clock;

    Milestones(ProjectCatalog catalog, Projects projects, AuditTrail audit, Clock clock) {
        this.catalog = catalog;
        this.projects = projects;
        this.audit = audit;
        this.clock = clock;
    }

    /** The project after the change, and whether the milestone is new. */
    record Outcome(Project project, boolean created) {
    }

    /**
     * Creates or replaces milestone {@code key}; a request that changes nothing writes nothing.
     *
     * @throws ApiProblem 400 for a malformed key; 422 for a blank name, an actual date in the future, a moved
     *         planned date without a reason, or a planned progress out of step with the other milestones; 404
     *         outside the caller's scope; 412 on a stale version
     */
    Mono<Outcome> put(EcoPrincipal who, String code, String key, IfMatch ifMatch, MilestoneEntry entry) {
        checkKey(key);
        LocalDate today = BureauDay.today(clock);
        List<FieldError> errors = new ArrayList<>();
        if (entry.name().zh().isBlank()) {
            errors.add(new FieldError("name.zh", "must not be blank"));
        }
        if (entry.actualDate() != null && entry.actualDate().isAfter(today)) {
            errors.add(new FieldError("actualDate", "must not be after today (" + today + "): a step is reached "
                    + "when it is"));
        }
        fail(errors);
        return catalog.editable(who, code).flatMap(current -> {
            ifMatch.check(current.version());
            Optional<Milestone> before = find(current, key);
            Milestone next = new Milestone(key, entry.name(), entry.plannedDate(), entry.actualDate(), entry.note(),
                    entry.plannedProgress());
            if (before.filter(next::equals).isPresent()) {
                return Mono.just(new Outcome(current, false));
            }
            List<Milestone> milestones = new ArrayList<>(current.milestones());
            before.ifPresent(milestones::remove);
            milestones.add(next);
            checkProgressInStep(next, milestones);
            Update update = new Update().set("milestones", sorted(milestones));
            before.filter(old -> !old.plannedDate().equals(next.plannedDate()))
                .ifPresent(old -> update.push("modifications",
                        moved(who, key, old.plannedDate(), next.plannedDate(), entry.reason())));
            String action = before.isPresent() ? "MILESTONE_CHANGED" : "MILESTONE_CREATED";
            return projects.update(current, update)
                .flatMap(saved -> audit.record(Projects.ENTITY, code, action, current, saved)
                    .thenReturn(new Outcome(saved, before.isEmpty())));
        });
    }

    /**
     * @throws ApiProblem 400 for a malformed key; 422 without a reason; 404 for an unknown milestone or outside the
     *         caller's scope; 412 on a stale version
     */
    Mono<Project> delete(EcoPrincipal who, String code, String key, IfMatch ifMatch, String reason) {
        checkKey(key);
        return catalog.editable(who, code).flatMap(current -> {
            ifMatch.check(current.version());
            Milestone removed = find(current, key).orElseThrow(() -> ApiProblem.notFound("Project " + code
                    + " has no milestone " + key));
            List<Milestone> milestones = new ArrayList<>(current.milestones());
            milestones.remove(removed);
            Update update = new Update().set("milestones", milestones)
                .push("modifications", moved(who, key, removed.plannedDate(), null, reason));
            return projects.update(current, update)
                .flatMap(saved -> audit.record(Projects.ENTITY, code, "MILESTONE_DELETED", current, saved)
                    .thenReturn(saved));
        });
    }

    private Modification moved(EcoPrincipal who, String key, LocalDate from, LocalDate to, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.unprocessable("Moving or removing a milestone's planned date needs a reason",
                    List.of(new FieldError("reason", "must say why the planned date of " + key + " changes from "
                            + from + (to == null ? " to none" : " to " + to))));
        }
        if (reason.length() > MAX_TEXT) {
            fail(List.of(new FieldError("reason", "must be at most " + MAX_TEXT + " characters")));
        }
        return new Modification("milestones." + key + ".plannedDate", from.toString(),
                to == null ? null : to.toString(), reason.strip(), clock.instant(), who.username());
    }

    /**
     * The planned progress curve runs through the milestones in date order, so their percentages must not fall as
     * the dates advance.
     */
    private static void checkProgressInStep(Milestone milestone, List<Milestone> all) {
        if (milestone.plannedProgress() == null) {
            return;
        }
        for (Milestone other : all) {
            if (other == milestone || other.plannedProgress() == null) {
                continue;
            }
            int dates = other.plannedDate().compareTo(milestone.plannedDate());
            int progress = other.plannedProgress().compareTo(milestone.plannedProgress());
            if ((dates < 0 && progress > 0) || (dates > 0 && progress < 0)) {
                fail(List.of(new FieldError("plannedProgress", "must not be " + (dates < 0 ? "below " : "above ")
                        + other.plannedProgress().toPlainString() + " %, due on " + other.plannedDate()
                        + " by milestone " + other.key())));
            }
        }
    }

    private static List<Milestone> sorted(List<Milestone> milestones) {
        return milestones.stream().sorted(BY_PLANNED_DATE).toList();
    }

    private static Optional<Milestone> find(Project project, String key) {
        return project.milestones().stream().filter(milestone -> Objects.equals(milestone.key(), key)).findFirst();
    }

    private static void checkKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw ApiProblem.badRequest("Milestone keys are 1 to 40 letters, digits, '-' or '_'",
                    List.of(new FieldError("key", "is not a milestone key: " + key)));
        }
    }

    private static void fail(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ApiProblem.unprocessable("The milestone cannot be recorded as sent", errors);
        }
    }
}
