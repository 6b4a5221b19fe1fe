package org.ecoplan.indicator.observation;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.ecoplan.common.audit.AuditEntry;
import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.web.ETags;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.ecoplan.common.web.RequestBodies;
import org.ecoplan.indicator.catalog.Access;
import org.ecoplan.indicator.catalog.IndicatorCatalog;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
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
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Observations of the plan's indicators and their approval. Editors of the indicator's department (and
 * eco-admin) enter and revise values; eco-admin approves or returns them; bureau staff read the working data.
 * Changes need {@code If-Match}; creating POSTs accept {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/v1/indicators")
class ObservationController {

    private static final String ONE = "/{code}/observations/{id}";

    private final Observations observations;

    private final ObservationImport imports;

    private final AuditTrail audit;

    private final IdempotencyKeys idempotency;

    private final ObservationProperties properties;

    private final IndicatorCatalog catalog;

    ObservationController(Observations observations, ObservationImport imports, AuditTrail audit,
            IdempotencyKeys idempotency, ObservationProperties properties, IndicatorCatalog catalog) {
        this.observations = observations;
        this.catalog = catalog;
        this.imports = imports;
        this.audit = audit;
        this.idempotency = idempotency;
        this.properties = properties;
    }

    /** 退回通知: why eco-admin sends an observation back to its submitter. */
    record ReturnNotice(@NotBlank @Size(max = ObservationEntry.MAX_NOTE) String reason) {
    }

    @GetMapping("/observations")
    @PreAuthorize(Access.BUREAU_STAFF)
    @Operation(summary = "Observations of every indicator, oldest submission first; status=SUBMITTED is the "
            + "approval queue")
    Mono<PageResult<Observation>> all(@ParameterObject @Valid PageQuery page,
            @ParameterObject ObservationFilter filter) {
        return observations.list(filter, page);
    }

    @GetMapping("/{code}/observations")
    @PreAuthorize(Access.BUREAU_STAFF)
    @Operation(summary = "One indicator's observations in every status, oldest submission first")
    Mono<PageResult<Observation>> ofIndicator(@PathVariable String code, @ParameterObject @Valid PageQuery page,
            @ParameterObject ObservationFilter filter) {
        return catalog.required(code).then(observations.list(filter.forIndicator(code), page));
    }

    @PostMapping("/{code}/observations")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Submit a value for approval (an editor of the indicator's department, or eco-admin); "
            + "accepts Idempotency-Key")
    Mono<ResponseEntity<Observation>> submit(@PathVariable String code, @Valid @RequestBody ObservationEntry entry,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key, ServerHttpRequest request,
            @AuthenticationPrincipal EcoPrincipal principal) {
        return idempotency.once(key, request, entry, Observation.class, () -> observations
            .submit(principal, code, entry)
            .map(created -> ResponseEntity.created(URI.create(request.getPath().value() + "/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(created)));
    }

    @GetMapping(ONE)
    @PreAuthorize(Access.BUREAU_STAFF)
    @Operation(summary = "One observation")
    Mono<ResponseEntity<Observation>> get(@PathVariable String code, @PathVariable String id) {
        return observations.find(code, id).map(ObservationController::withETag);
    }

    @PutMapping(ONE)
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Revise a submitted or returned observation, which submits it again; needs If-Match")
    Mono<ResponseEntity<Observation>> revise(@PathVariable String code, @PathVariable String id,
            @Valid @RequestBody ObservationEntry entry,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal EcoPrincipal principal) {
        return observations.revise(principal, code, id, ETags.ifMatch(ifMatch), entry)
            .map(ObservationController::withETag);
    }

    @DeleteMapping(ONE)
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Withdraw a submitted or returned observation; needs If-Match")
    Mono<ResponseEntity<Void>> withdraw(@PathVariable String code, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal EcoPrincipal principal) {
        return observations.withdraw(principal, code, id, ETags.ifMatch(ifMatch))
            .thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping(ONE + "/approve")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Approve a submitted observation, locking its value (eco-admin, not its submitter); "
            + "needs If-Match")
    Mono<ResponseEntity<Observation>> approve(@PathVariable String code, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal EcoPrincipal principal) {
        return observations.approve(principal, code, id, ETags.ifMatch(ifMatch))
            .map(ObservationController::withETag);
    }

    @PostMapping(ONE + "/return")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Return a submitted observation to its submitter with a reason (eco-admin, not its "
            + "submitter); needs If-Match")
    Mono<ResponseEntity<Observation>> returnToSubmitter(@PathVariable String code, @PathVariable String id,
            @Valid @RequestBody ReturnNotice notice,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal EcoPrincipal principal) {
        return observations.returnToSubmitter(principal, code, id, ETags.ifMatch(ifMatch), notice.reason())
            .map(ObservationController::withETag);
    }

    @GetMapping(ONE + "/history")
    @PreAuthorize(Access.BUREAU_STAFF)
    @Operation(summary = "Every change to an observation, newest first: who, when, before and after; also "
            + "for a withdrawn observation")
    Mono<PageResult<AuditEntry>> history(@PathVariable String code, @PathVariable String id,
            @ParameterObject @Valid PageQuery page) {
        return catalog.required(code).then(audit.history(Observations.ENTITY, id, page));
    }

    @PostMapping(path = "/observations/import", consumes = { "text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Import observations from CSV (UTF-8, header " + ObservationImport.HEADER
            + ") or XLSX, all or nothing; accepts Idempotency-Key")
    Mono<ResponseEntity<ObservationImport.ImportReceipt>> importFile(@RequestBody Flux<DataBuffer> body,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key, ServerHttpRequest request,
            @AuthenticationPrincipal EcoPrincipal principal) {
        return RequestBodies.bytes(body, properties.importMaxSize())
            .flatMap(content -> idempotency.once(key, request, content, ObservationImport.ImportReceipt.class,
                    () -> imports.importFile(principal, content, type, key)
                        .map(receipt -> ResponseEntity
                            .created(URI.create("/api/v1/indicators/observations?importId=" + receipt.importId()))
                            .body(receipt))));
    }

    private static ResponseEntity<Observation> withETag(Observation observation) {
        return ResponseEntity.ok().eTag(ETags.of(observation.version())).body(observation);
    }
}
