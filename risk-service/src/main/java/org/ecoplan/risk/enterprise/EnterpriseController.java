package org.ecoplan.risk.enterprise;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import org.ecoplan.common.audit.AuditEntry;
import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.spreadsheet.SpreadsheetFormat;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.ETags;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.ecoplan.common.web.RequestBodies;
import org.ecoplan.risk.receptor.Coordinates;
import org.ecoplan.risk.receptor.NearbyReceptor;
import org.ecoplan.risk.receptor.SensitiveReceptors;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Enterprises under supervision. Every platform role reads (enterprise accounts only their own, others' ids
 * answer 404); eco-admin and the supervising department's editors register and change them; an enterprise keeps
 * its own contacts and address up to date. Changes need {@code If-Match}; creating POSTs accept
 * {@code Idempotency-Key}.
 */
@RestController
@RequestMapping(EnterpriseController.ENTERPRISES)
class EnterpriseController {

    static final String ENTERPRISES = "/api/v1/enterprises";

    private final EnterpriseDirectory directory;

    private final EnterpriseRegistry registry;

    private final EnterpriseImport imports;

    private final SensitiveReceptors receptors;

    private final AuditTrail audit;

    private final IdempotencyKeys idempotency;

    private final EnterpriseProperties properties;

    EnterpriseController(EnterpriseDirectory directory, EnterpriseRegistry registry, EnterpriseImport imports,
            SensitiveReceptors receptors, AuditTrail audit, IdempotencyKeys idempotency,
            EnterpriseProperties properties) {
        this.directory = directory;
        this.registry = registry;
        this.imports = imports;
        this.receptors = receptors;
        this.audit = audit;
        this.idempotency = idempotency;
        this.properties = properties;
    }

    @GetMapping
    @Operation(summary = "List the enterprises the caller may see, searched by name or credit code and filtered")
    Mono<PageResult<Enterprise>> list(@ParameterObject @Valid PageQuery page, @ParameterObject EnterpriseFilter filter,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal principal) {
        return directory.list(EnterpriseScope.of(principal), filter, page)
            .map(found -> found.map(enterprise -> shownTo(principal, enterprise)));
    }

    @GetMapping("/export")
    @Operation(summary = "The enterprises the caller may see, filtered as the list, as CSV (UTF-8 with BOM) or XLSX")
    Mono<ResponseEntity<byte[]>> export(@RequestParam(defaultValue = "csv") String format,
            @ParameterObject EnterpriseFilter filter,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal principal) {
        SpreadsheetFormat chosen = SpreadsheetFormat.requireNamed(format);
        return EnterpriseExport.table(directory.all(EnterpriseScope.of(principal), filter),
                EnterpriseAccess.seesPeople(principal))
            .map(table -> table.download("ecoplan-enterprises", chosen));
    }

    @PostMapping(path = "/import", consumes = { "text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
    @PreAuthorize(EnterpriseAccess.REGISTRARS)
    @Operation(summary = "Register enterprises from CSV (UTF-8) or XLSX with the export's headings, all or nothing "
            + "(eco-admin, or an editor for their department); accepts Idempotency-Key")
    Mono<ResponseEntity<EnterpriseImport.ImportReceipt>> importFile(
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key, ServerHttpRequest request,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal principal) {
        // The body is read here, not by an argument resolver, which answers an empty one 400 before the checks.
        return RequestBodies.bytes(request.getBody(), properties.importMaxSize())
            .flatMap(content -> idempotency.once(key, request, content, EnterpriseImport.ImportReceipt.class,
                    () -> imports.importFile(principal, content, type)
                        .map(receipt -> ResponseEntity.created(URI.create(ENTERPRISES)).body(receipt))));
    }

    @PostMapping
    @PreAuthorize(EnterpriseAccess.REGISTRARS)
    @Operation(summary = "Register an enterprise (eco-admin, or an editor of its supervising department); "
            + "accepts Idempotency-Key")
    Mono<ResponseEntity<Enterprise>> create(@Valid @RequestBody EnterpriseDraft draft,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key, ServerHttpRequest request,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal principal) {
        return idempotency.once(key, request, draft, Enterprise.class, () -> registry.register(principal, draft)
            .map(created -> ResponseEntity.created(URI.create(ENTERPRISES + "/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(created)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One enterprise by its id, e.g. E-430602-0001")
    Mono<ResponseEntity<Enterprise>> get(@PathVariable String id,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal principal) {
        return directory.required(EnterpriseScope.of(principal), id)
            .map(enterprise -> withETag(shownTo(principal, enterprise)));
    }

    @PatchMapping("/{id}")
    @PreAuthorize(EnterpriseAccess.CHANGERS)
    @Operation(summary = "Change some fields of an enterprise (eco-admin, an editor of its department; the "
            + "enterprise itself only contacts and address); needs If-Match")
    Mono<ResponseEntity<Enterprise>> change(@PathVariable String id, @Valid @RequestBody EnterpriseChanges changes,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal principal) {
        return registry.change(principal, id, ETags.ifMatch(ifMatch), changes).map(EnterpriseController::withETag);
    }

    @GetMapping("/{id}/history")
    @PreAuthorize(EnterpriseAccess.HISTORY_READERS)
    @Operation(summary = "Every change to an enterprise and its risk sources, newest first: who, when, before "
            + "and after")
    Mono<PageResult<AuditEntry>> history(@PathVariable String id, @ParameterObject @Valid PageQuery page,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal principal) {
        return directory.required(EnterpriseScope.of(principal), id)
            .then(audit.history(EnterpriseRegistry.ENTITY, id, page));
    }

    /**
     * The receptors around an enterprise.
     *
     * @param items nearest first
     */
    record NearbyReceptors(String enterpriseId, Coordinates location, double radiusKm, List<NearbyReceptor> items,
            int total) {
    }

    @GetMapping("/{id}/receptors")
    @Operation(summary = "The sensitive receptors within radiusKm (default 5) of an enterprise, nearest first")
    Mono<NearbyReceptors> receptors(@PathVariable String id, @RequestParam(required = false) Double radiusKm,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal principal) {
        double radius = receptors.radius(radiusKm);
        return directory.required(EnterpriseScope.of(principal), id).flatMap(enterprise -> {
            if (enterprise.location() == null) {
                return Mono.error(ApiProblem.conflict("Enterprise " + id + " has no coordinates yet; the bureau "
                        + "enters its location first."));
            }
            return receptors.within(enterprise.location(), radius)
                .collectList()
                .map(items -> new NearbyReceptors(id, enterprise.location(), radius, items, items.size()));
        });
    }

    private static Enterprise shownTo(EcoPrincipal who, Enterprise enterprise) {
        return EnterpriseAccess.seesPeople(who) ? enterprise : enterprise.withoutContacts();
    }

    private static ResponseEntity<Enterprise> withETag(Enterprise enterprise) {
        return ResponseEntity.ok().eTag(ETags.of(enterprise.version())).body(enterprise);
    }
}
