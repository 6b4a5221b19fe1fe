package org.ecoplan.risk.grading;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * What to grade: per medium either {@code q} or the {@code substances} it comes from, plus {@code m} and {@code e}.
 * A medium left out has no risk substances (Q0).
 *
 * @param incidentInLast3Years a penalty or incident in the last three years (absent: none)
 */
record GradeRequest(@Valid MediumInput air, @Valid MediumInput water, Boolean incidentInLast3Years) {

    /**
     * @param q Q itself, when the caller has computed it
     * @param substances the substances on site, for the service to compute Q
     * @param m the M score
     */
    record MediumInput(@PositiveOrZero BigDecimal q, List<@NotNull @Valid SubstanceAmount> substances,
            @PositiveOrZero BigDecimal m, Sensitivity e) {
    }

    /**
     * @param cas the Appendix A key: the CAS number
     * @param quantity the most present on site at once, in tonnes
     */
    record SubstanceAmount(@NotBlank String cas, @NotNull @PositiveOrZero BigDecimal quantity) {
    }
}
