package org.ecoplan.risk.grading;

import java.util.Collection;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** HJ 941-2018 grading for given inputs, and the substances it knows. Every platform role; nothing is stored. */
@RestController
@RequestMapping("/api/v1/risk-assessments")
class RiskAssessmentController {

    private final RiskAssessments assessments;

    private final RiskGrader grader;

    RiskAssessmentController(RiskAssessments assessments, RiskGrader grader) {
        this.assessments = assessments;
        this.grader = grader;
    }

    @PostMapping("/grade")
    @Operation(summary = "Grade an enterprise by HJ 941-2018 from Q (or its substances), M and E per medium; "
            + "stores nothing")
    GradeView grade(@Valid @RequestBody GradeRequest request) {
        return assessments.grade(request);
    }

    @GetMapping("/substances")
    @Operation(summary = "The Appendix A substances this service holds, with critical quantities (t) and media")
    Collection<RiskSubstance> substances() {
        return grader.standard().substances();
    }

    @GetMapping("/process-types")
    @Operation(summary = "The production-process types of M with their points per set")
    Collection<ProcessType> processTypes() {
        return grader.standard().processTypes();
    }
}
