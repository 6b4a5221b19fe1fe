package org.ecoplan.risk.enterprise;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.web.ETags;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * An enterprise's risk sources and HJ 941-2018 gradings. Readers as for the enterprise; eco-admin, the
 * supervising department's editors and the enterprise itself change them, which re-grades it. The ETag is the
 * enterprise's version.
 */
@RestController
@RequestMapping(EnterpriseController.ENTERPRISES + "/{id}")
class RiskSourceController {

    private final RiskProfiles profiles;

    RiskSourceController(RiskProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/risk-sources")
    @Operation(summary = "An enterprise's risk substances, process units and E per medium, with its current grade")
    Mono<ResponseEntity<RiskProfiles.RiskSourcesView>> get(@PathVariable String id,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal principal) {
        return profiles.view(principal, id).map(RiskSourceController::withETag);
    }

    @PutMapping("/risk-sources")
    @PreAuthorize(EnterpriseAccess.CHANGERS)
    @Operation(summary = "Replace an enterprise's risk sources and re-grade it (eco-admin, an editor of its "
            + "department, the enterprise itself); needs If-Match with the enterprise's ETag")
    Mono<ResponseEntity<RiskProfiles.RiskSourcesView>> replace(@PathVariable String id,
            @Valid @RequestBody RiskSourcesDraft draft,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal principal) {
        return profiles.replace(principal, id, ETags.ifMatch(ifMatch), draft).map(RiskSourceController::withETag);
    }

    @GetMapping("/gradings")
    @Operation(summary = "An enterprise's gradings, newest first: level, code, Q, M and E per medium, by whom")
    Mono<PageResult<GradingRecord>> gradings(@PathVariable String id, @ParameterObject @Valid PageQuery page,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal principal) {
        return profiles.gradings(principal, id, page);
    }

    private static ResponseEntity<RiskProfiles.RiskSourcesView> withETag(RiskProfiles.RiskSourcesView view) {
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }
}
