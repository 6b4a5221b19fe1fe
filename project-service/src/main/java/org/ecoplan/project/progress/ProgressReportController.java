package org.ecoplan.project.progress;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.ecoplan.common.audit.AuditEntry;
import org.ecoplan.common.audit.AuditTrail;
import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.ETags;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.ecoplan.project.catalog.ProjectAccess;
import org.ecoplan.project.catalog.ProjectCatalog;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Progress reports (进度报告) of a project, by its lead department. Every platform role reads them; {@code eco-admin}
 * and the editors of the lead department report and correct. A report is sent as JSON, or as
 * {@code multipart/form-data} with the report as JSON in part {@code report} and files in parts
 * {@code attachments}. Creating POSTs accept {@code Idempotency-Key}; corrections need {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/projects/{code}/reports")
class ProgressReportController {

    private final ProjectCatalog catalog;

    private final ProgressReports reports;

    private final ReportAttachments attachments;

    private final AuditTrail audit;

    private final IdempotencyKeys idempotency;

    ProgressReportController(ProjectCatalog catalog, ProgressReports reports, ReportAttachments attachments,
            AuditTrail audit, IdempotencyKeys idempotency) {
        this.catalog = catalog;
        this.reports = reports;
        this.attachments = attachments;
        this.audit = audit;
        this.idempotency = idempotency;
    }

    /** What an Idempotency-Key stands for: the report and the content of its files. */
    record Submission(ReportEntry report, List<String> attachments) {
    }

    @GetMapping
    @Operation(summary = "A project's progress reports, oldest first unless sorted by periodEnd")
    Mono<PageResult<ProgressReport>> list(@PathVariable String code, @ParameterObject @Valid PageQuery page) {
        return reports.list(code, page);
    }

    @GetMapping("/{period}")
    @Operation(summary = "One progress report by its period, e.g. 2024-03 or 2024-Q1")
    Mono<ResponseEntity<ProgressReport>> get(@PathVariable String code, @PathVariable String period) {
        return reports.find(code, period).map(ProgressReportController::withETag);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(ProjectAccess.EDITORS)
    @Operation(summary = "Report a period's progress (eco-admin, or an editor of the lead department); one report "
            + "per period (409 for a second); accepts Idempotency-Key")
    Mono<ResponseEntity<ProgressReport>> create(@PathVariable String code, @Valid @RequestBody ReportEntry entry,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key, ServerHttpRequest request,
            @AuthenticationPrincipal EcoPrincipal who) {
        return create(code, entry, List.of(), key, request, who);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(ProjectAccess.EDITORS)
    @Operation(summary = "Report a period's progress with files: part 'report' (JSON), parts 'attachments' (PDF, "
            + "DOCX, XLSX, JPEG or PNG); accepts Idempotency-Key")
    Mono<ResponseEntity<ProgressReport>> createWithFiles(@PathVariable String code,
            @Valid @RequestPart("report") ReportEntry entry,
            @RequestPart(name = "attachments", required = false) Flux<FilePart> files,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key, ServerHttpRequest request,
            @AuthenticationPrincipal EcoPrincipal who) {
        // The scope first: a caller who may not report on the project gets its 404 before any file is read.
        return catalog.editable(who, code)
            .then(attachments.read(files == null ? Flux.empty() : files, 0))
            .flatMap(uploads -> create(code, entry, uploads, key, request, who));
    }

    private Mono<ResponseEntity<ProgressReport>> create(String code, ReportEntry entry,
            List<ReportAttachments.Upload> uploads, String key, ServerHttpRequest request, EcoPrincipal who) {
        Submission submission = new Submission(entry, uploads.stream().map(ReportAttachments.Upload::sha256).toList());
        return idempotency.once(key, request, submission, ProgressReport.class, () -> reports
            .create(who, code, entry, uploads)
            .map(created -> ResponseEntity.created(URI.create(request.getPath().value() + "/" + created.period()))
                .eTag(ETags.of(created.version()))
                .body(created)));
    }

    @PutMapping("/{period}")
    @PreAuthorize(ProjectAccess.EDITORS)
    @Operation(summary = "Correct a report's figures; its files stay (eco-admin, or an editor of the lead "
            + "department); needs If-Match")
    Mono<ResponseEntity<ProgressReport>> correct(@PathVariable String code, @PathVariable String period,
            @Valid @RequestBody ReportEntry entry,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal EcoPrincipal who) {
        return reports.correct(who, code, period, ETags.ifMatch(ifMatch), entry)
            .map(ProgressReportController::withETag);
    }

    @PostMapping(path = "/{period}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(ProjectAccess.EDITORS)
    @Operation(summary = "Add files to a report, parts 'attachments' (eco-admin, or an editor of the lead "
            + "department); needs If-Match")
    Mono<ResponseEntity<ProgressReport>> attach(@PathVariable String code, @PathVariable String period,
            @RequestPart(name = "attachments", required = false) Flux<FilePart> files,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal EcoPrincipal who) {
        return reports.attach(who, code, period, ETags.ifMatch(ifMatch), files == null ? Flux.empty() : files)
            .map(ProgressReportController::withETag);
    }

    @GetMapping("/{period}/attachments/{id}")
    @Operation(summary = "Download a report's file, with its SHA-256 in Repr-Digest")
    Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String code, @PathVariable String period,
            @PathVariable String id) {
        return reports.find(code, period)
            .flatMap(report -> Mono.justOrEmpty(report.attachments().stream()
                .filter(attachment -> attachment.id().equals(id))
                .findFirst()))
            .flatMap(attachment -> attachments.content(attachment).map(content -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .contentLength(attachment.size())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(attachment.filename(), StandardCharsets.UTF_8)
                            .build().toString())
                // RFC 9530: lets the reader check the copy against the digest kept since the upload.
                .header("Repr-Digest", "sha-256=:"
                        + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(attachment.sha256())) + ":")
                .body(content)))
            .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("The report of " + code + " for " + period
                    + " has no file " + id)));
    }

    @GetMapping("/{period}/history")
    @PreAuthorize(ProjectAccess.BUREAU_STAFF)
    @Operation(summary = "Every change to a report, newest first: who, when, before and after")
    Mono<PageResult<AuditEntry>> history(@PathVariable String code, @PathVariable String period,
            @ParameterObject @Valid PageQuery page) {
        return reports.find(code, period).flatMap(report -> audit.history(ProgressReports.ENTITY,
                ProgressReports.key(report), page));
    }

    private static ResponseEntity<ProgressReport> withETag(ProgressReport report) {
        return ResponseEntity.ok().eTag(ETags.of(report.version())).body(report);
    }
}
