package org.ecoplan.indicator.catalog;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.ecoplan.common.web.ApiProblem;
import org.ecoplan.common.web.PageQuery;
import org.ecoplan.common.web.PageResult;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The plan's indicators. The plan is a public document, so every platform role reads them, enterprise
 * accounts included; common's security already refuses tokens without a platform role.
 */
@RestController
@RequestMapping("/api/v1/indicators")
class IndicatorController {

    private final IndicatorCatalog catalog;

    IndicatorController(IndicatorCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "List the plan's indicators (Table 2), in table order unless sorted by seq or code")
    Mono<PageResult<Indicator>> list(@ParameterObject @Valid PageQuery page,
            @ParameterObject IndicatorFilter filter) {
        return catalog.list(filter, page);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One indicator by its code, e.g. AIR-PM25")
    Mono<Indicator> get(@PathVariable String code) {
        return catalog.byCode(code)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("There is no indicator with code " + code)));
    }
}
