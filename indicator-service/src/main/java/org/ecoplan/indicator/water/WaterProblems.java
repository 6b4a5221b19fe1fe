package org.ecoplan.indicator.water;

import java.util.List;

import org.ecoplan.common.web.ApiProblem;

/** Turns the feature's field problems into common's 422 problem+json. */
final class WaterProblems {

    private WaterProblems() {
    }

    /** Nothing to report: returns normally. */
    static void rejectIfAny(List<FieldProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        String detail = problems.size() == 1
                ? "Field '" + problems.get(0).field() + "' " + problems.get(0).message() + "."
                : problems.size() + " inputs are invalid; see errors.";
        throw ApiProblem.unprocessable(detail,
                problems.stream().map(problem -> new ApiProblem.FieldError(problem.field(), problem.message())).toList());
    }
}
