package org.ecoplan.risk.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.ecoplan.common.web.ApiProblem;
import org.springframework.stereotype.Service;

/** Grades given inputs without storing anything, for the bureau and for enterprises assessing themselves. */
@Service
class RiskAssessments {

    private final RiskGrader grader;

    RiskAssessments(RiskGrader grader) {
        this.grader = grader;
    }

    /** @throws ApiProblem 422 naming every field that keeps the request from being graded */
    GradeView grade(GradeRequest request) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        MediumGrade air = grade(Medium.AIR, request.air(), errors);
        MediumGrade water = grade(Medium.WATER, request.water(), errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.unprocessable("These inputs cannot be graded by " + Hj941Standard.CODE + ".", errors);
        }
        return GradeView.of(grader.grade(air, water, Boolean.TRUE.equals(request.incidentInLast3Years())));
    }

    private MediumGrade grade(Medium medium, GradeRequest.MediumInput input, List<ApiProblem.FieldError> errors) {
        String field = medium.en();
        if (input == null) {
            return grader.grade(medium, BigDecimal.ZERO, null, null);
        }
        int before = errors.size();
        BigDecimal q = q(field, input, errors);
        BigDecimal maxM = grader.standard().maxM(medium);
        if (input.m() != null && input.m().compareTo(maxM) > 0) {
            errors.add(new ApiProblem.FieldError(field + ".m", "must be at most " + maxM.toPlainString()
                    + " (process points at most " + grader.standard().processCap().toPlainString()
                    + " plus the " + medium.en() + " controls)"));
        }
        if (q != null && grader.standard().qClass(q) != QClass.Q0) {
            if (input.m() == null) {
                errors.add(new ApiProblem.FieldError(field + ".m", "is needed from Q1 on"));
            }
            if (input.e() == null) {
                errors.add(new ApiProblem.FieldError(field + ".e", "is needed from Q1 on: E1, E2 or E3"));
            }
        }
        return errors.size() > before ? null : grader.grade(medium, q, input.m(), input.e());
    }

    private BigDecimal q(String field, GradeRequest.MediumInput input, List<ApiProblem.FieldError> errors) {
        if (input.q() != null && input.substances() != null) {
            errors.add(new ApiProblem.FieldError(field, "give either q or substances, not both"));
            return null;
        }
        if (input.q() != null) {
            return input.q();
        }
        if (input.substances() == null) {
            errors.add(new ApiProblem.FieldError(field, "needs q or substances"));
            return null;
        }
        List<SubstanceQuantity> quantities = new ArrayList<>();
        boolean allKnown = true;
        for (int i = 0; i < input.substances().size(); i++) {
            GradeRequest.SubstanceAmount amount = input.substances().get(i);
            if (grader.standard().substance(amount.cas()).isEmpty()) {
                errors.add(new ApiProblem.FieldError(field + ".substances[" + i + "].cas", amount.cas()
                        + " is not in " + Hj941Standard.CODE + " Appendix A as this service holds it"));
                allKnown = false;
            }
            quantities.add(new SubstanceQuantity(amount.cas(), amount.quantity()));
        }
        return allKnown ? grader.q(quantities) : null;
    }
}
