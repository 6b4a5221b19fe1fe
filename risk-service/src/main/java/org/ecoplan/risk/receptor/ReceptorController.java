package org.ecoplan.risk.receptor;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.ecoplan.common.audit.AuditEntry;
import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.web.ETags;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * Sensitive receptors (敏感保护目标). Every platform role reads them (they are public places); eco-admin keeps
 * the register. Changes need {@code If-Match}; creating accepts {@code Idempotency-Key}.
 */
@RestController
@RequestMapping(ReceptorController.RECEPTORS)
class ReceptorController {

    static final String RECEPTORS = "/api/v1/receptors";

    private static final String ADMIN = "hasRole('eco-admin')";

    private static final String BUREAU_STAFF = "hasAnyRole('eco-admin', 'bureau-editor', 'bureau-viewer', "
            + "'plan-reviewer')";

    private final SensitiveReceptors receptors;

    private final AuditTrail audit;

    private final IdempotencyKeys idempotency;

    ReceptorController(SensitiveReceptors receptors, AuditTrail audit, IdempotencyKeys idempotency) {
        this.receptors = receptors;
        this.audit = audit;
        this.idempotency = idempotency;
    }

    @GetMapping
    @Operation(summary = "List the sensitive receptors, by code unless sorted by code or type")
    Mono<PageResult<SensitiveReceptor>> list(@RequestParam(required = false) ReceptorType type,
            @ParameterObject @Valid PageQuery page) {
        return receptors.list(type, page);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One receptor by its code, e.g. DW-MABU")
    Mono<ResponseEntity<SensitiveReceptor>> get(@PathVariable String code) {
        return receptors.required(code).map(ReceptorController::withETag);
    }

    @PostMapping
    @PreAuthorize(ADMIN)
    @Operation(summary = "Add a receptor (eco-admin); accepts Idempotency-Key")
    Mono<ResponseEntity<SensitiveReceptor>> create(@Valid @RequestBody ReceptorDraft draft,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key, ServerHttpRequest request) {
        return idempotency.once(key, request, draft, SensitiveReceptor.class, () -> receptors.create(draft)
            .map(created -> ResponseEntity.created(URI.create(RECEPTORS + "/" + created.code()))
                .eTag(ETags.of(created.version()))
                .body(created)));
    }

    @PutMapping("/{code}")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Replace a receptor (eco-admin); needs If-Match")
    Mono<ResponseEntity<SensitiveReceptor>> replace(@PathVariable String code, @Valid @RequestBody ReceptorDraft draft,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return receptors.replace(code, ETags.ifMatch(ifMatch), draft).map(ReceptorController::withETag);
    }

    @DeleteMapping("/{code}")
    @PreAuthorize(ADMIN)
    @Operation(summary = "Delete a receptor (eco-admin); needs If-Match")
    Mono<ResponseEntity<Void>> delete(@PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return receptors.delete(code, ETags.ifMatch(ifMatch)).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/{code}/history")
    @PreAuthorize(BUREAU_STAFF)
    @Operation(summary = "Every change to a receptor, newest first")
    Mono<PageResult<AuditEntry>> history(@PathVariable String code, @ParameterObject @Valid PageQuery page) {
        return audit.history(SensitiveReceptors.ENTITY, code, page);
    }

    private static ResponseEntity<SensitiveReceptor> withETag(SensitiveReceptor receptor) {
        return ResponseEntity.ok().eTag(ETags.of(receptor.version())).body(receptor);
    }
}
