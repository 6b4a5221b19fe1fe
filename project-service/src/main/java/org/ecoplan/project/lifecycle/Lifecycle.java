package org.ecoplan.project.lifecycle;

import static org.ecoplan.project.catalog.ProjectStatus.ACCEPTED;
import static org.ecoplan.project.catalog.ProjectStatus.CANCELLED;
import static org.ecoplan.project.catalog.ProjectStatus.COMPLETED;
import static org.ecoplan.project.catalog.ProjectStatus.PLANNED;
import static org.ecoplan.project.catalog.ProjectStatus.SUSPENDED;
import static org.ecoplan.project.catalog.ProjectStatus.UNDER_CONSTRUCTION;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ecoplan.project.catalog.ProjectStatus;
import org.ecoplan.project.catalog.StatusChange;

/**
 * Which status may follow which in a project's life (OC4IDS's project status codelist, in the bureau's words).
 * <ul>
 * <li>计划 PLANNED → 在建 UNDER_CONSTRUCTION, 暂停 SUSPENDED or 取消 CANCELLED.</li>
 * <li>在建 UNDER_CONSTRUCTION → 完工 COMPLETED, SUSPENDED or CANCELLED.</li>
 * <li>SUSPENDED → back to where it was suspended from (PLANNED or UNDER_CONSTRUCTION), or CANCELLED. A
 * suspension pauses a project; it does not move it on, so a project suspended before ground was broken resumes
 * as PLANNED and starts construction with a transition of its own, dated when it does. Only where the history does
 * not say where it came from (a record loaded already suspended) may it resume to either.</li>
 * <li>COMPLETED → 竣工验收 ACCEPTED, or back to UNDER_CONSTRUCTION when the acceptance inspection finds defects
 * that need rework (整改): the rework is construction, and the schedule treats it as such. A completed project is
 * never suspended or cancelled: there is nothing left to pause or call off.</li>
 * <li>ACCEPTED and CANCELLED are final.</li>
 * </ul>
 * A status never follows itself: a transition that changes nothing is no transition.
 */
public final class Lifecycle {

    private static final Set<ProjectStatus> RESUMABLE = EnumSet.of(PLANNED, UNDER_CONSTRUCTION);

    private static final Map<ProjectStatus, Set<ProjectStatus>> NEXT = new EnumMap<>(Map.of(
            PLANNED, EnumSet.of(UNDER_CONSTRUCTION, SUSPENDED, CANCELLED),
            UNDER_CONSTRUCTION, EnumSet.of(COMPLETED, SUSPENDED, CANCELLED),
            COMPLETED, EnumSet.of(ACCEPTED, UNDER_CONSTRUCTION),
            ACCEPTED, EnumSet.noneOf(ProjectStatus.class),
            CANCELLED, EnumSet.noneOf(ProjectStatus.class)));

    private Lifecycle() {
    }

    /**
     * The statuses a project may move to next, in declaration order.
     *
     * @param history the project's transitions, oldest first; a suspended project resumes to the status its last
     *        suspension started from
     */
    public static Set<ProjectStatus> allowedTargets(ProjectStatus current, List<StatusChange> history) {
        if (current != SUSPENDED) {
            return Collections.unmodifiableSet(NEXT.get(current));
        }
        Set<ProjectStatus> targets = suspendedFrom(history).map(EnumSet::of).orElseGet(() -> EnumSet.copyOf(RESUMABLE));
        targets.add(CANCELLED);
        return Collections.unmodifiableSet(targets);
    }

    public static boolean allows(ProjectStatus current, List<StatusChange> history, ProjectStatus target) {
        return allowedTargets(current, history).contains(target);
    }

    private static Optional<ProjectStatus> suspendedFrom(List<StatusChange> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            StatusChange change = history.get(i);
            if (change.to() == SUSPENDED) {
                return Optional.ofNullable(change.from()).filter(RESUMABLE::contains);
            }
        }
        return Optional.empty();
    }
}
