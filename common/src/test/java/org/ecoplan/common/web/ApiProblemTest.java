package org.ecoplan.common.web;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

class ApiProblemTest {

    static Stream<Arguments> factories() {
        return Stream.of(Arguments.of(HttpStatus.NOT_FOUND, (Function<String, ApiProblem>) ApiProblem::notFound),
                Arguments.of(HttpStatus.BAD_REQUEST, (Function<String, ApiProblem>) ApiProblem::badRequest),
                Arguments.of(HttpStatus.CONFLICT, (Function<String, ApiProblem>) ApiProblem::conflict),
                Arguments.of(HttpStatus.FORBIDDEN, (Function<String, ApiProblem>) ApiProblem::forbidden),
                Arguments.of(HttpStatus.PRECONDITION_REQUIRED,
                        (Function<String, ApiProblem>) ApiProblem::preconditionRequired),
                Arguments.of(HttpStatus.PRECONDITION_FAILED,
                        (Function<String, ApiProblem>) ApiProblem::preconditionFailed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factories")
    void factoriesSetStatusAndDetail(HttpStatus status, Function<String, ApiProblem> factory) {
        ApiProblem problem = factory.apply("Project P-7 is archived");

        assertThat(problem.getStatusCode()).isEqualTo(status);
        assertThat(problem.getBody().getStatus()).isEqualTo(status.value());
        assertThat(problem.getBody().getDetail()).isEqualTo("Project P-7 is archived");
        assertThat(problem.getBody().getTitle()).isEqualTo(status.getReasonPhrase());
    }

    @Test
    void unprocessableIsAValidationProblemWithSortedErrors() {
        ProblemDetail body = ApiProblem.unprocessable("Two rules broken",
                List.of(new ApiProblem.FieldError("target", "must not decrease"),
                        new ApiProblem.FieldError("baseline", "must be measured"),
                        new ApiProblem.FieldError(null, "plan is closed")))
            .getBody();

        assertThat(body.getStatus()).isEqualTo(422);
        assertThat(body.getType()).isEqualTo(ApiProblem.VALIDATION_TYPE);
        assertThat(body.getTitle()).isEqualTo(ApiProblem.VALIDATION_TITLE);
        assertThat(body.getProperties()).containsEntry(ApiProblem.ERRORS_PROPERTY,
                List.of(new ApiProblem.FieldError(null, "plan is closed"),
                        new ApiProblem.FieldError("baseline", "must be measured"),
                        new ApiProblem.FieldError("target", "must not decrease")));
    }

    @Test
    void numbersInFieldNamesSortAsNumbers() {
        ProblemDetail body = ApiProblem.unprocessable("Bad rows",
                List.of(new ApiProblem.FieldError("line 100", "c"), new ApiProblem.FieldError("line 9", "a"),
                        new ApiProblem.FieldError("items[10].name", "e"), new ApiProblem.FieldError("line 10", "b"),
                        new ApiProblem.FieldError("items[9].name", "d")))
            .getBody();

        assertThat(body.getProperties().get(ApiProblem.ERRORS_PROPERTY)).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.list(ApiProblem.FieldError.class))
            .extracting(ApiProblem.FieldError::field)
            .containsExactly("items[9].name", "items[10].name", "line 9", "line 10", "line 100");
    }
}
