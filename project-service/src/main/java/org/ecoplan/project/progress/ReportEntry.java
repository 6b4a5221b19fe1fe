package org.ecoplan.project.progress;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ecoplan.project.catalog.ExpectedReductions.Reduction;
import org.ecoplan.project.catalog.Investment;

/**
 * A progress report as the lead department sends it, first or corrected.
 *
 * @param period                   required on a new report; on a correction absent or the report's own
 * @param physicalProgress         percent of the works complete
 * @param disbursedToDate          investment disbursed since the project began, {@code {"amount": 1200, "unit": "万元"}}
 * @param achievedReductionsToDate per pollutant, {@code {"pollutant": "COD", "amount": 2.5, "unit": "t/a"}}
 */
record ReportEntry(ReportingPeriod period,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal physicalProgress,
        @NotNull Investment disbursedToDate,
        @Size(max = 20) List<Reduction> achievedReductionsToDate,
        @Size(max = ProgressReports.MAX_ISSUES) String issues) {

    ReportEntry {
        achievedReductionsToDate = achievedReductionsToDate == null ? List.of() : achievedReductionsToDate;
    }
}
