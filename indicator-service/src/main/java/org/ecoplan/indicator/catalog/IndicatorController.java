package org.ecoplan.indicator.catalog;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
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
import org.ecoplan.indicator.observation.ObservedValue;
import org.ecoplan.indicator.observation.Observations;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The plan's indicators. The plan is a public document, so every platform role reads them, enterprise
 * accounts included; common's security already refuses tokens without a platform role. Changes need
 * {@code If-Match} with the ETag (the indicator's version) and are audited.
 */
@RestController
@RequestMapping(IndicatorController.INDICATORS)
class IndicatorController {

    static final String INDICATORS = "/api/v1/indicators";

    private final IndicatorCatalog catalog;

    private final Indicators indicators;

    private final Observations observations;

    private final IndicatorExport export;

    private final AuditTrail audit;

    private final IdempotencyKeys idempotency;

    IndicatorController(IndicatorCatalog catalog, Indicators indicators, Observations observations,
            IndicatorExport export, AuditTrail audit, IdempotencyKeys idempotency) {
        this.catalog = catalog;
        this.indicators = indicators;
        this.observations = observations;
        this.export = export;
        this.audit = audit;
        this.idempotency = idempotency;
    }

    /**
     * An indicator with what it has reached so far.
     *
     * @param observations its approved values, one per period, oldest first: the values that count (the
     *        observations in approval are under {@code /observations})
     * @param status its current progress status; absent while none is computed
     */
    record IndicatorDetail(@JsonUnwrapped Indicator indicator, List<ObservedValue> observations, String status) {
    }

    @GetMapping
    @Operation(summary = "List the plan's indicators (Table 2) with their current status, in table order unless sorted "
            + "by seq or code")
    Mono<PageResult<ListedIndicator>> list(@ParameterObject @Valid PageQuery page,
            @ParameterObject IndicatorFilter filter) {
        return catalog.list(filter, page);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One indicator by its code, e.g. AIR-PM25, with its approved values and current status")
    Mono<ResponseEntity<IndicatorDetail>> get(@PathVariable String code) {
        return catalog.required(code)
            .flatMap(indicator -> Mono.zip(observations.approvedSeries(code).collectList(),
                    catalog.status(indicator).map(List::of).defaultIfEmpty(List.of()))
                .map(found -> ResponseEntity.ok()
                    .eTag(ETags.of(indicator.version()))
                    .body(new IndicatorDetail(indicator, found.getT1(),
                            found.getT2().isEmpty() ? null : found.getT2().get(0)))));
    }

    @PostMapping
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Add an indicator (eco-admin); accepts Idempotency-Key")
    Mono<ResponseEntity<Indicator>> create(@Valid @RequestBody IndicatorDraft draft,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key, ServerHttpRequest request) {
        return idempotency.once(key, request, draft, Indicator.class, () -> indicators.create(draft)
            .map(created -> ResponseEntity.created(URI.create(INDICATORS + "/" + created.code()))
                .eTag(ETags.of(created.version()))
                .body(created)));
    }

    @PutMapping("/{code}")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Replace an indicator (eco-admin, or an editor of its department); needs If-Match")
    Mono<ResponseEntity<Indicator>> update(@PathVariable String code, @Valid @RequestBody IndicatorDraft draft,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal EcoPrincipal principal) {
        return indicators.update(principal, code, ETags.ifMatch(ifMatch), draft).map(IndicatorController::withETag);
    }

    @PutMapping("/{code}/target")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Enter the city's figure for a 市级下达 target with its document (eco-admin, or an "
            + "editor of the indicator's department); needs If-Match")
    Mono<ResponseEntity<Indicator>> assignCityTarget(@PathVariable String code, @Valid @RequestBody CityTarget city,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal EcoPrincipal principal) {
        return indicators.assignCityTarget(principal, code, ETags.ifMatch(ifMatch), city)
            .map(IndicatorController::withETag);
    }

    @DeleteMapping("/{code}")
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "Delete an indicator without observations (eco-admin); needs If-Match")
    Mono<ResponseEntity<Void>> delete(@PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return indicators.delete(code, ETags.ifMatch(ifMatch)).thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/{code}/history")
    @PreAuthorize(Access.BUREAU_STAFF)
    @Operation(summary = "Every change to an indicator, newest first: who, when, before and after")
    Mono<PageResult<AuditEntry>> history(@PathVariable String code, @ParameterObject @Valid PageQuery page) {
        return audit.history(Indicators.ENTITY, code, page);
    }

    @GetMapping("/export")
    @Operation(summary = "The catalogue with latest approved values and statuses as CSV (UTF-8 with BOM) or XLSX")
    Mono<ResponseEntity<byte[]>> export(@RequestParam(defaultValue = "csv") String format) {
        SpreadsheetFormat chosen = SpreadsheetFormat.requireNamed(format);
        return export.table().map(table -> table.download("ecoplan-indicators", chosen));
    }

    private static ResponseEntity<Indicator> withETag(Indicator indicator) {
        return ResponseEntity.ok().eTag(ETags.of(indicator.version())).body(indicator);
    }
}
