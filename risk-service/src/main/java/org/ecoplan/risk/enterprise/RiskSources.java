package org.ecoplan.risk.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.ecoplan.common.i18n.LocalizedName;
import org.ecoplan.risk.grading.Medium;
import org.ecoplan.risk.grading.Sensitivity;

/**
 * 环境风险源: what an enterprise is graded from by HJ 941-2018.
 *
 * @param substances the risk substances on site
 * @param processUnits the production process units, for the process part of M
 * @param air the air assessment: risk-control score and E with its reasons
 * @param water the same for water
 * @param lastPenaltyOrIncident the latest environmental penalty or incident, which raises the level for three years
 * @param penaltyOrIncidentNote what it was (decision number, event)
 */
public record RiskSources(
        List<HazardousSubstance> substances,
        List<ProcessUnit> processUnits,
        MediumAssessment air,
        MediumAssessment water,
        LocalDate lastPenaltyOrIncident,
        String penaltyOrIncidentNote) {

    public RiskSources {
        substances = List.copyOf(substances);
        processUnits = List.copyOf(processUnits);
    }

    /**
     * A risk substance as stored: its name, critical quantity and media come from the Appendix A data file at the
     * time of the change, so the record shows what the grade was computed from.
     *
     * @param maxQuantity the most present on site at once
     * @param unit of both quantities: {@code t}
     */
    public record HazardousSubstance(String cas, LocalizedName name, BigDecimal maxQuantity,
            BigDecimal criticalQuantity, String unit, Set<Medium> media) {
    }

    /**
     * A production process unit (生产装置).
     *
     * @param process the process type of HJ 941-2018's process table, e.g. {@code HAZARDOUS_PROCESS}
     * @param sets how many sets (套) of it
     * @param points what it adds to M before the cap
     */
    public record ProcessUnit(String name, String process, int sets, BigDecimal points) {
    }

    /**
     * One medium's assessment by the enterprise or the bureau.
     *
     * @param controlScore the points of the medium's risk-control and past-event table (5.2.2 / 6.2.2)
     * @param e the sensitivity of the surroundings (5.3 / 6.3)
     * @param reasons why: the receptors, populations or water bodies that decided E, and the control findings
     */
    public record MediumAssessment(@NotNull @PositiveOrZero BigDecimal controlScore, @NotNull Sensitivity e,
            @NotEmpty List<@NotBlank @Size(max = 500) String> reasons) {
    }
}
