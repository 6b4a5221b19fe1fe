package org.ecoplan.indicator.water;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.ecoplan.common.web.ETags;
import org.ecoplan.common.web.ETags.IfMatch;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * The monitoring sites. Environmental quality is public information (《环境保护法》 第五十四条), so every platform
 * role reads them; {@link WaterEditors} decides who changes them.
 */
@RestController
@RequestMapping("/api/v1/water-quality/sites")
class SiteController {

    private final MonitoringSites sites;
    private final AnnualWaterQuality annual;

    SiteController(MonitoringSites sites, AnnualWaterQuality annual) {
        this.sites = sites;
        this.annual = annual;
    }

    @GetMapping
    @Operation(summary = "List the monitoring sites, by code unless sorted by code or waterbody")
    Mono<PageResult<MonitoringSite>> list(@ParameterObject @Valid PageQuery page,
            @RequestParam(required = false) Waterbody waterbody) {
        return sites.list(waterbody, page);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One monitoring site; its ETag is the version that If-Match must name to change it")
    Mono<ResponseEntity<MonitoringSite>> get(@PathVariable String code) {
        return sites.byCode(code).map(site -> ResponseEntity.ok().eTag(ETags.of(site.version())).body(site));
    }

    @PostMapping
    @PreAuthorize("@waterEditors.mayEdit(principal)")
    @Operation(summary = "Create a monitoring site (201); repeating the same request answers the site (200)")
    Mono<ResponseEntity<MonitoringSite>> create(@Valid @RequestBody SiteRequest request) {
        return sites.create(request).map(written -> ResponseEntity
                .status(written.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/water-quality/sites/" + written.site().code()))
                .eTag(ETags.of(written.site().version()))
                .body(written.site()));
    }

    @PutMapping("/{code}")
    @PreAuthorize("@waterEditors.mayEdit(principal)")
    @Operation(summary = "Replace a monitoring site; needs If-Match. Changing its waterbody reclasses its years")
    Mono<ResponseEntity<MonitoringSite>> replace(@PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody SiteRequest request) {
        IfMatch seen = ETags.ifMatch(ifMatch);
        if (!code.equals(request.code())) {
            WaterProblems.rejectIfAny(List.of(new FieldProblem("code",
                    "must stay " + code + ": the code is the site's identity; create a new site instead")));
        }
        return sites.byCode(code)
                .doOnNext(before -> seen.check(before.version()))
                .flatMap(before -> sites.replace(before, request)
                        .flatMap(after -> (after.waterbody() == before.waterbody() ? Mono.<Void>empty()
                                : annual.feedIndicatorForYearsOf(code)).thenReturn(after)))
                .map(site -> ResponseEntity.ok().eTag(ETags.of(site.version())).body(site));
    }

    @DeleteMapping("/{code}")
    @PreAuthorize("@waterEditors.mayEdit(principal)")
    @Operation(summary = "Delete a monitoring site without samples; needs If-Match")
    Mono<ResponseEntity<Void>> delete(@PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return sites.delete(code, ETags.ifMatch(ifMatch)).thenReturn(ResponseEntity.noContent().build());
    }
}
