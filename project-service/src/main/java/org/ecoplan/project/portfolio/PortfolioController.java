package org.ecoplan.project.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Min;
import org.ecoplan.common.spreadsheet.SpreadsheetFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The key projects rolled up. Like the projects themselves it is readable by every platform role; common's
 * security already refuses tokens without one. Literal paths, which Spring matches before the catalogue's
 * {@code /{code}}.
 */
@RestController
@RequestMapping("/api/v1/projects/portfolio")
class PortfolioController {

    private static final String YEAR = "The year whose end the figures are for, at most the current year; "
            + "the current year or none: today";

    private final Portfolios portfolios;

    PortfolioController(Portfolios portfolios) {
        this.portfolios = portfolios;
    }

    @GetMapping
    @Operation(summary = "Investment planned and disbursed by type, department and year; projects per status and "
            + "schedule status; expected and achieved reductions against the plan's pollutant totals")
    Mono<Portfolio> portfolio(@Parameter(description = YEAR) @RequestParam(required = false) @Min(2000) Integer year) {
        return portfolios.portfolio(year);
    }

    @GetMapping("/export")
    @Operation(summary = "The portfolio as one table (a section column) in CSV (UTF-8 with BOM) or XLSX")
    Mono<ResponseEntity<byte[]>> export(@RequestParam(defaultValue = "csv") String format,
            @Parameter(description = YEAR) @RequestParam(required = false) @Min(2000) Integer year) {
        SpreadsheetFormat chosen = SpreadsheetFormat.requireNamed(format);
        return portfolios.portfolio(year)
            .map(portfolio -> PortfolioExport.table(portfolio).download("ecoplan-portfolio-" + portfolio.asOf(),
                    chosen));
    }
}
