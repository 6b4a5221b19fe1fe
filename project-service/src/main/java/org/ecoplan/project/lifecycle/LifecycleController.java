package org.ecoplan.project.lifecycle;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.web.ETags;
import org.ecoplan.project.catalog.Project;
import org.ecoplan.project.catalog.ProjectAccess;
import org.ecoplan.project.catalog.ProjectCatalog;
import org.ecoplan.project.catalog.ProjectStatus;
import org.ecoplan.project.catalog.StatusChange;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A project's status and milestones. Every platform role reads them; {@code eco-admin} and the editors of the
 * project's lead department change them. Changes need {@code If-Match} with the project's ETag and answer the
 * project with its new ETag.
 */
@RestController
@RequestMapping("/api/v1/projects/{code}")
class LifecycleController {

    private final ProjectCatalog catalog;

    private final Transitions transitions;

    private final Milestones milestones;

    LifecycleController(ProjectCatalog catalog, Transitions transitions, Milestones milestones) {
        this.catalog = catalog;
        this.transitions = transitions;
        this.milestones = milestones;
    }

    /**
     * @param allowed the statuses the project may move to now
     * @param history every transition, oldest first
     */
    record LifecycleView(ProjectStatus status, Set<ProjectStatus> allowed, List<StatusChange> history) {
    }

    @GetMapping("/transitions")
    @Operation(summary = "A project's status, the statuses it may move to now, and its transitions so far")
    Mono<ResponseEntity<LifecycleView>> lifecycle(@PathVariable String code) {
        return catalog.required(code)
            .map(project -> ResponseEntity.ok()
                .eTag(ETags.of(project.version()))
                .body(new LifecycleView(project.status(),
                        Lifecycle.allowedTargets(project.status(), project.statusHistory()),
                        project.statusHistory())));
    }

    @PostMapping("/transitions")
    @PreAuthorize(ProjectAccess.EDITORS)
    @Operation(summary = "Move a project to another status with the date and a reason (eco-admin, or an editor of "
            + "its lead department); needs If-Match; 409 lists the allowed statuses")
    Mono<ResponseEntity<Project>> transition(@PathVariable String code, @RequestBody TransitionRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal EcoPrincipal who) {
        return transitions.transition(who, code, ETags.ifMatch(ifMatch), request)
            .map(project -> withETag(HttpStatus.OK, project));
    }

    @PutMapping("/milestones/{key}")
    @PreAuthorize(ProjectAccess.EDITORS)
    @Operation(summary = "Create or replace a milestone (eco-admin, or an editor of the lead department); moving "
            + "its planned date needs a reason and is recorded as a modification; needs If-Match")
    Mono<ResponseEntity<Project>> putMilestone(@PathVariable String code, @PathVariable String key,
            @Valid @RequestBody MilestoneEntry entry,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal EcoPrincipal who) {
        return milestones.put(who, code, key, ETags.ifMatch(ifMatch), entry)
            .map(outcome -> withETag(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK, outcome.project()));
    }

    @DeleteMapping("/milestones/{key}")
    @PreAuthorize(ProjectAccess.EDITORS)
    @Operation(summary = "Remove a milestone with a reason, recorded as a modification (eco-admin, or an editor of "
            + "the lead department); needs If-Match")
    Mono<ResponseEntity<Project>> deleteMilestone(@PathVariable String code, @PathVariable String key,
            @RequestParam(required = false) String reason,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal EcoPrincipal who) {
        return milestones.delete(who, code, key, ETags.ifMatch(ifMatch), reason)
            .map(project -> withETag(HttpStatus.OK, project));
    }

    private static ResponseEntity<Project> withETag(HttpStatus status, Project project) {
        return ResponseEntity.status(status).eTag(ETags.of(project.version())).body(project);
    }
}
