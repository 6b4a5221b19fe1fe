package org.ecoplan.common.web;

import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Explains why Jackson could not read a request body, in the client's terms: which field (as a JSON path),
 * what it must be, and for enums which values exist. Jackson's own messages name Java classes, so none of
 * them reaches the client.
 */
final class JsonBodyErrors {

    private static final int MAX_ECHOED_VALUE = 40;

    private final JsonMapper mapper;

    JsonBodyErrors(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The 400 for a body Jackson rejected; empty when {@code failure} was not caused by Jackson. */
    Optional<ProblemDetail> problemFor(Throwable failure) {
        return Optional.ofNullable(jacksonCause(failure)).map(this::problemFor);
    }

    private ProblemDetail problemFor(JacksonException ex) {
        if (!(ex instanceof DatabindException)) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The request body is not valid JSON" + where(ex.getLocation()) + ".");
        }
        String field = path(ex);
        if (ex instanceof UnrecognizedPropertyException) {
            return fieldProblem(field, "is not a known field", null);
        }
        if (ex instanceof MismatchedInputException mismatch) {
            if (field == null) {
                return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                        "The request body must be " + describe(mismatch.getTargetType()) + ".");
            }
            if (mismatch.getCurrentToken() == JsonToken.VALUE_NULL) {
                return fieldProblem(field, "must not be null", null);
            }
            Object rejected = ex instanceof InvalidFormatException invalid ? invalid.getValue() : null;
            return fieldProblem(field, "must be " + describe(mismatch.getTargetType()), rejected);
        }
        if (field != null && ex instanceof ValueInstantiationException
                && ex.getCause() instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
            // Value types (a period, a code) explain in their own words what they accept.
            return fieldProblem(field, invalid.getMessage(), null);
        }
        if (field != null) {
            return fieldProblem(field, "has an invalid value", null);
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body could not be read.");
    }

    private static ProblemDetail fieldProblem(String field, String message, Object rejected) {
        String detail = "Field '" + field + "' " + message
                + (rejected == null ? "" : " (got " + echo(rejected) + ")") + ".";
        return ApiProblem.validation(HttpStatus.BAD_REQUEST, detail,
                List.of(new ApiProblem.FieldError(field, message)));
    }

    private String describe(Class<?> type) {
        return ValueTypes.describe(type, this::jsonName);
    }

    /** The constant as this application's Jackson writes it, so {@code @JsonValue} and naming features count. */
    private String jsonName(Enum<?> constant) {
        JsonNode node = mapper.valueToTree(constant);
        return node.isString() ? node.asString() : constant.name();
    }

    private static JacksonException jacksonCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    /** {@code items[2].name}; null for the document root. */
    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String echo(Object rejected) {
        String text = String.valueOf(rejected);
        return "'" + (text.length() > MAX_ECHOED_VALUE ? text.substring(0, MAX_ECHOED_VALUE) + "…" : text) + "'";
    }
}
