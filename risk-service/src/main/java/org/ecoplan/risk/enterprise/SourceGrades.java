package org.ecoplan.risk.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ecoplan.risk.grading.EnterpriseGrade;
import org.ecoplan.risk.grading.Medium;
import org.ecoplan.risk.grading.MediumGrade;
import org.ecoplan.risk.grading.RiskGrader;
import org.ecoplan.risk.grading.SubstanceQuantity;

/** The HJ 941-2018 grade of an enterprise's stored risk sources. */
final class SourceGrades {

    private SourceGrades() {
    }

    /** The grade as on {@code day}: the penalty adjustment depends on the day. */
    static EnterpriseGrade grade(RiskGrader grader, RiskSources sources, LocalDate day) {
        Map<String, Integer> sets = new LinkedHashMap<>();
        sources.processUnits().forEach(unit -> sets.merge(unit.process(), unit.sets(), Integer::sum));
        BigDecimal processScore = grader.processScore(sets);
        return grader.grade(medium(grader, Medium.AIR, sources, sources.air(), processScore),
                medium(grader, Medium.WATER, sources, sources.water(), processScore),
                grader.raises(sources.lastPenaltyOrIncident(), day));
    }

    private static MediumGrade medium(RiskGrader grader, Medium medium, RiskSources sources,
            RiskSources.MediumAssessment assessment, BigDecimal processScore) {
        List<SubstanceQuantity> quantities = sources.substances().stream()
            .filter(substance -> substance.media().contains(medium))
            .map(substance -> new SubstanceQuantity(substance.cas(), substance.maxQuantity()))
            .toList();
        return grader.grade(medium, grader.q(quantities), processScore.add(assessment.controlScore()),
                assessment.e());
    }
}
