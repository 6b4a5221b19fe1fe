package org.ecoplan.risk.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The whole of an enterprise's risk sources, replacing what was stored ({@code PUT}). */
record RiskSourcesDraft(
        @NotNull List<@NotNull @Valid SubstanceEntry> substances,
        @NotNull List<@NotNull @Valid ProcessUnitEntry> processUnits,
        @NotNull @Valid RiskSources.MediumAssessment air,
        @NotNull @Valid RiskSources.MediumAssessment water,
        LocalDate lastPenaltyOrIncident,
        @Size(max = 500) String penaltyOrIncidentNote) {

    /**
     * @param cas the substance's Appendix A key (its CAS number)
     * @param maxQuantity the most present on site at once, in tonnes
     */
    record SubstanceEntry(@NotBlank String cas, @NotNull @PositiveOrZero BigDecimal maxQuantity) {
    }

    /** @param process a process type code, see {@code GET /api/v1/risk-assessments/process-types} */
    record ProcessUnitEntry(@NotBlank @Size(max = 100) String name, @NotBlank String process,
            @Min(1) @Max(100) int sets) {
    }
}
