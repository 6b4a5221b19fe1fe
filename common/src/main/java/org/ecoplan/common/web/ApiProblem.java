package org.ecoplan.common.web;

import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error a handler reports to the client on purpose. It renders as RFC 9457 {@code application/problem+json};
 * {@code instance} is filled with the request path on the way out.
 */
public class ApiProblem extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    /** The {@code type} of every problem that carries {@code errors: [{field, message}]}. */
    public static final URI VALIDATION_TYPE = URI.create("https://ecoplan.example/problems/validation");

    /** The {@code title} that goes with {@link #VALIDATION_TYPE}; RFC 9457 wants one title per type. */
    public static final String VALIDATION_TITLE = "The request is invalid";

    /** The problem property listing the invalid fields. */
    public static final String ERRORS_PROPERTY = "errors";

    private static final Pattern NUMBER_OR_TEXT = Pattern.compile("\\d+|\\D+");

    private ApiProblem(ProblemDetail body) {
        super(HttpStatus.valueOf(body.getStatus()), body, null);
    }

    /**
     * 404. Also the answer for another department's or enterprise's object, so ids cannot be probed.
     */
    public static ApiProblem notFound(String detail) {
        return new ApiProblem(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail));
    }

    /** 400: the request is malformed in a way no single field explains. */
    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
    }

    /** 400 with the invalid inputs listed, for checks a handler makes itself (a query parameter, say). */
    public static ApiProblem badRequest(String detail, List<FieldError> errors) {
        return new ApiProblem(validation(HttpStatus.BAD_REQUEST, detail, errors));
    }

    /**
     * 403 for a caller whose role allows the request in general but not on this object, where hiding the object
     * would protect nothing (it is public, like the plan's indicators). Private objects answer {@link #notFound}.
     */
    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail));
    }

    /** 428: a change that must name the version it was based on ({@code If-Match}) did not. */
    public static ApiProblem preconditionRequired(String detail) {
        return new ApiProblem(ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED, detail));
    }

    /** 412: the change was based on a version that is no longer the current one. */
    public static ApiProblem preconditionFailed(String detail) {
        return new ApiProblem(ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, detail));
    }

    /** 409: the request clashes with the current state, e.g. a natural key that already exists. */
    public static ApiProblem conflict(String detail) {
        return new ApiProblem(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail));
    }

    /** 422: well-formed input that breaks a business rule, field by field. */
    public static ApiProblem unprocessable(String detail, List<FieldError> errors) {
        return new ApiProblem(validation(HttpStatus.UNPROCESSABLE_CONTENT, detail, errors));
    }

    /**
     * 503 with {@code Retry-After}: something the request needs (the database) is unreachable for now, and the
     * same request may succeed later.
     */
    public static ApiProblem serviceUnavailable(String detail, Duration retryAfter) {
        ApiProblem problem = new ApiProblem(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail));
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        return problem;
    }

    /** A validation problem: the shape every handler in this module gives field errors. */
    static ProblemDetail validation(HttpStatus status, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(VALIDATION_TYPE);
        problem.setTitle(VALIDATION_TITLE);
        // Sorted because Bean Validation reports violations in no particular order; clients and tests get
        // the same body for the same input.
        problem.setProperty(ERRORS_PROPERTY, errors.stream()
            .sorted(Comparator.comparing(FieldError::field, Comparator.nullsFirst(ApiProblem::compareNaturally))
                .thenComparing(FieldError::message))
            .toList());
        return problem;
    }

    /** Numbers inside field names compare as numbers: {@code items[9]} before {@code items[10]}, line 9 before 10. */
    static int compareNaturally(String left, String right) {
        Matcher a = NUMBER_OR_TEXT.matcher(left);
        Matcher b = NUMBER_OR_TEXT.matcher(right);
        while (a.find() && b.find()) {
            String x = a.group();
            String y = b.group();
            int order = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))
                    ? new BigInteger(x).compareTo(new BigInteger(y)) : x.compareTo(y);
            if (order != 0) {
                return order;
            }
        }
        return left.compareTo(right);
    }

    /**
     * One invalid input.
     *
     * @param field the JSON path ({@code items[0].name}) or parameter name; absent for errors about the whole
     *        request
     * @param message what is wrong, readable by the person who sent it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message) {

        public FieldError {
            Objects.requireNonNull(message, "message");
        }
    }
}
