package org.ecoplan.indicator.water;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.ecoplan.common.security.EcoPrincipal;
import org.ecoplan.common.web.ETags;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The samples of a monitoring site. Every change of them changes the site's year, so the plan's indicator is
 * recorded again for that year; a retry of a request whose recording failed records it then.
 */
@RestController
@RequestMapping("/api/v1/water-quality/sites/{code}/samples")
class SampleController {

    private final MonitoringSites sites;
    private final WaterSamples samples;
    private final AnnualWaterQuality annual;

    SampleController(MonitoringSites sites, WaterSamples samples, AnnualWaterQuality annual) {
        this.sites = sites;
        this.samples = samples;
        this.annual = annual;
    }

    @GetMapping
    @Operation(summary = "The site's samples in sampling order, optionally of one year")
    Mono<PageResult<WaterSample>> list(@PathVariable String code, @RequestParam(required = false) Integer year,
            @ParameterObject @Valid PageQuery page) {
        return sites.byCode(code).then(samples.list(code, year, page));
    }

    @PostMapping
    @PreAuthorize("@waterEditors.mayEdit(principal)")
    @Operation(summary = "Enter a sample, classed by GB 3838-2002 (201); the same sample again answers it (200)")
    Mono<ResponseEntity<WaterSample>> enter(@PathVariable String code, @RequestBody SampleRequest request,
            @AuthenticationPrincipal EcoPrincipal principal) {
        return sites.byCode(code)
                .flatMap(site -> samples.enter(site, request, principal))
                .flatMap(entered -> annual.feedIndicator(entered.sample().year()).thenReturn(entered))
                .map(entered -> ResponseEntity.status(entered.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .location(URI.create("/api/v1/water-quality/sites/" + code + "/samples/" + entered.sample().id()))
                        .eTag(ETags.of(entered.sample().version()))
                        .body(entered.sample()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("@waterEditors.mayEdit(principal)")
    @Operation(summary = "Delete a sample, e.g. to enter it again corrected; needs If-Match")
    Mono<ResponseEntity<Void>> delete(@PathVariable String code, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return samples.delete(code, id, ETags.ifMatch(ifMatch))
                .flatMap(deleted -> annual.feedIndicator(deleted.year()))
                .thenReturn(ResponseEntity.noContent().build());
    }
}
