package org.ecoplan.indicator.water;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Annual evaluation by 环办〔2011〕22号, readable by every platform role like the sites. */
@RestController
@RequestMapping("/api/v1/water-quality")
class AnnualController {

    private final MonitoringSites sites;
    private final AnnualWaterQuality annual;

    AnnualController(MonitoringSites sites, AnnualWaterQuality annual) {
        this.sites = sites;
        this.annual = annual;
    }

    @GetMapping("/annual")
    @Operation(summary = "Every site's annual class and the share of sites worse than Class V (WATER-WORSE-THAN-V)")
    Mono<AnnualReport> ofYear(@RequestParam @Min(2000) @Max(2100) int year) {
        return annual.ofYear(year);
    }

    @GetMapping("/sites/{code}/annual")
    @Operation(summary = "One site's annual means and class")
    Mono<SiteYear> ofSite(@PathVariable String code, @RequestParam @Min(2000) @Max(2100) int year) {
        return sites.byCode(code).flatMap(site -> annual.ofSite(site, year));
    }
}
