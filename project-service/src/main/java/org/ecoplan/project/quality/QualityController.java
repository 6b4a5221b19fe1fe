package org.ecoplan.project.quality;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Data-quality findings on the key projects, readable by every platform role like the projects. A literal path,
 * which Spring matches before the catalogue's {@code /{code}}.
 */
@RestController
@RequestMapping("/api/v1/projects/quality")
class QualityController {

    private final DataQuality quality;

    QualityController(DataQuality quality) {
        this.quality = quality;
    }

    @GetMapping
    @Operation(summary = "Implausible project records for review: investment per t/a far from peers, completion "
            + "before start, achieved above expected reductions, disbursed money going down or above the total")
    Mono<QualityReport> findings() {
        return quality.findings();
    }
}
