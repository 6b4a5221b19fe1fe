package org.ecoplan.indicator.progress;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Progress toward the plan's targets and the data-quality findings. Like the plan itself they are readable by every
 * platform role. {@code /summary} and {@code /quality} are literal paths, which Spring matches before the
 * catalogue's {@code /{code}}.
 */
@RestController
@RequestMapping("/api/v1/indicators")
class ProgressController {

    private static final String YEAR = "Assess as of this year (from the baseline year to the current year); "
            + "default: the latest year with an approved value";

    private final ProgressService progress;

    private final PlanQuality quality;

    ProgressController(ProgressService progress, PlanQuality quality) {
        this.progress = progress;
        this.quality = quality;
    }

    @GetMapping("/{code}/progress")
    @Operation(summary = "An indicator's progress toward its 2025 target, with its inputs and a forecast")
    Mono<IndicatorProgress> progress(@PathVariable String code,
            @Parameter(description = YEAR) @RequestParam(required = false) Integer year) {
        return progress.progress(code, year);
    }

    @GetMapping("/summary")
    @Operation(summary = "Indicators per status, binding indicators not on track, indicators without data for the year")
    Mono<ProgressSummary> summary(@Parameter(description = YEAR) @RequestParam(required = false) Integer year) {
        return progress.summary(year);
    }

    @GetMapping("/quality")
    @Operation(summary = "Data-quality findings on the plan and its observations")
    Mono<QualityFindings> quality() {
        return quality.findings();
    }
}
