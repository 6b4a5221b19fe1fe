package org.ecoplan.risk.filing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ecoplan.common.audit.AuditEntry;
import org.ecoplan.common.idempotency.IdempotencyKeys;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.ETags;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Emergency-plan filings (应急预案备案): the enterprise creates, uploads, submits and refiles; reviewers check,
 * accept or return; bureau staff read. Changes need {@code If-Match}; creating accepts {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/v1/emergency-plans")
class FilingController {

    private static final String ONE = "/{id}";

    private final Filings filings;

    private final PlansInForce plans;

    private final IdempotencyKeys idempotency;

    private final FilingProperties properties;

    private final FilingReceipt receipt;

    FilingController(Filings filings, PlansInForce plans, IdempotencyKeys idempotency,
            FilingProperties properties) {
        this.filings = filings;
        this.plans = plans;
        this.idempotency = idempotency;
        this.properties = properties;
        this.receipt = new FilingReceipt(properties.receiptFonts());
    }

    /** 一次性告知: everything missing or deficient, in one notice. */
    record ReturnRequest(@NotEmpty @Size(max = 50) List<@NotNull @Valid Deficiency> items) {
    }

    @PostMapping
    @PreAuthorize(FilingAccess.ENTERPRISE)
    @Operation(summary = "Create a draft filing for the caller's own enterprise; accepts Idempotency-Key")
    Mono<ResponseEntity<EmergencyPlanFiling>> create(@Valid @RequestBody FilingRequest request,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key, ServerHttpRequest http,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal who) {
        return idempotency.once(key, http, request, EmergencyPlanFiling.class, () -> filings.create(who, request)
            .map(created -> ResponseEntity.created(URI.create(http.getPath().value() + "/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(created)));
    }

    @GetMapping
    @PreAuthorize(FilingAccess.READERS)
    @Operation(summary = "Filings, newest first: every one for bureau staff, its own for an enterprise")
    Mono<PageResult<EmergencyPlanFiling>> list(@ParameterObject @Valid PageQuery page,
            @RequestParam(required = false) FilingStatus status,
            @RequestParam(required = false) String enterpriseId,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal who) {
        return filings.list(who, status, enterpriseId, page);
    }

    @GetMapping(ONE)
    @PreAuthorize(FilingAccess.READERS)
    @Operation(summary = "One filing with its documents, submissions and return notices")
    Mono<ResponseEntity<EmergencyPlanFiling>> get(@PathVariable String id,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal who) {
        return filings.find(who, id).flatMap(plans::refresh).map(FilingController::withETag);
    }

    @PutMapping(ONE)
    @PreAuthorize(FilingAccess.ENTERPRISE)
    @Operation(summary = "Correct the signing date, declared level or cross-region flag of a draft or returned "
            + "filing; needs If-Match")
    Mono<ResponseEntity<EmergencyPlanFiling>> change(@PathVariable String id,
            @Valid @RequestBody FilingRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal who) {
        return Mono.defer(() -> filings.changeDetails(who, id, ETags.ifMatch(ifMatch), request))
            .map(FilingController::withETag);
    }

    @PutMapping(path = ONE + "/documents/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(FilingAccess.ENTERPRISE)
    @Operation(summary = "Upload one of the five documents (part 'file': PDF, DOC/DOCX, JPEG or PNG by content) to "
            + "a draft or returned filing, replacing the one before; needs If-Match")
    Mono<ResponseEntity<EmergencyPlanFiling>> upload(@PathVariable String id, @PathVariable String kind,
            @RequestPart("file") FilePart file,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal who) {
        return Mono.defer(() -> filings.upload(who, id, kind(kind), ETags.ifMatch(ifMatch), file.filename(),
                file.content()))
            .map(FilingController::withETag);
    }

    @GetMapping(ONE + "/documents/{kind}")
    @PreAuthorize(FilingAccess.READERS)
    @Operation(summary = "Download a document as uploaded; Repr-Digest carries its SHA-256")
    Mono<ResponseEntity<Flux<DataBuffer>>> download(@PathVariable String id, @PathVariable String kind,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal who) {
        return Mono.defer(() -> filings.document(who, id, kind(kind))).map(document -> ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(document.type().mediaType()))
            .contentLength(document.size())
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(document.filename(), StandardCharsets.UTF_8).build().toString())
            .header("Repr-Digest", "sha-256=:" + Base64.getEncoder()
                .encodeToString(HexFormat.of().parseHex(document.sha256())) + ":")
            .body(filings.content(document)));
    }

    @PostMapping(ONE + "/submit")
    @PreAuthorize(FilingAccess.ENTERPRISE)
    @Operation(summary = "Submit (or refile after a return) a complete filing; 422 lists every missing document; "
            + "a first submission after the 20 working days is accepted and marked late; needs If-Match")
    Mono<ResponseEntity<EmergencyPlanFiling>> submit(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal who) {
        return Mono.defer(() -> filings.submit(who, id, ETags.ifMatch(ifMatch))).map(FilingController::withETag);
    }

    @GetMapping("/review-queue")
    @PreAuthorize(FilingAccess.REVIEWERS)
    @Operation(summary = "Submitted filings, the nearest check deadline first, with the working days left of 5")
    Mono<PageResult<QueuedFiling>> reviewQueue(@ParameterObject @Valid PageQuery page) {
        return filings.reviewQueue(page);
    }

    @PostMapping(ONE + "/accept")
    @PreAuthorize(FilingAccess.REVIEWERS)
    @Operation(summary = "Accept a submitted filing: issue its filing number; needs If-Match")
    Mono<ResponseEntity<EmergencyPlanFiling>> accept(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal who) {
        return Mono.defer(() -> filings.accept(who, id, ETags.ifMatch(ifMatch))).map(FilingController::withETag);
    }

    @PostMapping(ONE + "/return")
    @PreAuthorize(FilingAccess.REVIEWERS)
    @Operation(summary = "Return a submitted filing with one notice listing every missing or deficient item and "
            + "a refile deadline in working days; needs If-Match")
    Mono<ResponseEntity<EmergencyPlanFiling>> returnToEnterprise(@PathVariable String id,
            @Valid @RequestBody ReturnRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal who) {
        return Mono.defer(() -> filings.returnToEnterprise(who, id, ETags.ifMatch(ifMatch), request.items()))
            .map(FilingController::withETag);
    }

    @GetMapping(path = ONE + "/receipt", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(FilingAccess.READERS)
    @Operation(summary = "The filing receipt (备案表) as PDF, once the filing has its number")
    Mono<ResponseEntity<byte[]>> receipt(@PathVariable String id,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal who) {
        return filings.find(who, id).flatMap(filing -> {
            if (filing.filingNumber() == null) {
                return Mono.error(ApiProblem.conflict("Filing " + id + " is " + filing.status()
                        + "; a receipt exists once it is filed."));
            }
            return filings.registered(filing).publishOn(Schedulers.boundedElastic())
                .map(enterprise -> receipt.render(filing, enterprise, properties.bureau(), filing.submissions()
                    .stream().reduce((first, second) -> second).map(Submission::submittedOn)
                    .orElse(filing.filedOn())))
                .map(pdf -> ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("receipt-" + filing.filingNumber() + ".pdf").build().toString())
                    .body(pdf));
        });
    }

    @GetMapping(ONE + "/history")
    @PreAuthorize(FilingAccess.READERS)
    @Operation(summary = "Every change to a filing, newest first: who, when, before and after")
    Mono<PageResult<AuditEntry>> history(@PathVariable String id, @ParameterObject @Valid PageQuery page,
            @Parameter(hidden = true) @AuthenticationPrincipal EcoPrincipal who) {
        return filings.history(who, id, page);
    }

    @GetMapping("/deadlines")
    @PreAuthorize(FilingAccess.BUREAU)
    @Operation(summary = "Plans in force by review deadline (3 years after filing): overdue, reminded 90 and 30 "
            + "days before, and those to revise because the enterprise now grades higher")
    Mono<PlansInForce.Deadlines> deadlines() {
        return plans.deadlines();
    }

    @GetMapping("/summary")
    @PreAuthorize(FilingAccess.SUMMARY)
    @Operation(summary = "Counts for the overview: filings by status, overdue reviews and checks, plans to revise, "
            + "enterprises by risk level")
    Mono<PlansInForce.Summary> summary() {
        return plans.summary();
    }

    @GetMapping("/public")
    @Operation(summary = "The public list of filed enterprises: name, filing number, date, risk level; no login")
    Mono<PageResult<PlansInForce.PublicEntry>> publicList(@ParameterObject @Valid PageQuery page) {
        return plans.publicList(page);
    }

    private static DocumentKind kind(String slug) {
        return DocumentKind.bySlug(slug).orElseThrow(() -> ApiProblem.notFound("There is no document kind '" + slug
                + "'; the kinds are filing-form, plan, risk-assessment, resource-survey and expert-review."));
    }

    private static ResponseEntity<EmergencyPlanFiling> withETag(EmergencyPlanFiling filing) {
        return ResponseEntity.ok().eTag(ETags.of(filing.version())).body(filing);
    }
}
