package org.ecoplan.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Renders every error a request can meet on its way through WebFlux's dispatcher (unknown path, wrong method,
 * wrong media type, unreadable or invalid input, {@link ApiProblem}, {@link ResponseStatusException}) as RFC 9457
 * problem+json. Validation problems list every invalid field in {@code errors: [{field, message}]}.
 * <p>
 * Deliberately no catch-all {@code @ExceptionHandler(Exception.class)}: a service's own advice would never be
 * reached behind one, and Spring Security must still see {@code AccessDeniedException}s from method security.
 * Whatever this class leaves alone ends in {@link ApiErrorWebExceptionHandler} as a logged 500.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final JsonBodyErrors jsonBodyErrors;

    public ApiExceptionHandler(JsonMapper jsonMapper) {
        this.jsonBodyErrors = new JsonBodyErrors(jsonMapper);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public Mono<ResponseEntity<Object>> handleConstraintViolationException(ConstraintViolationException ex,
            ServerWebExchange exchange) {
        List<ApiProblem.FieldError> errors = ex.getConstraintViolations()
            .stream()
            .map(violation -> new ApiProblem.FieldError(path(violation), violation.getMessage()))
            .toList();
        return validationResponse(ex, errors, exchange);
    }

    /** Only reached where a body is read outside an argument resolver, which maps this to a 413 itself. */
    @ExceptionHandler(DataBufferLimitException.class)
    public Mono<ResponseEntity<Object>> handleDataBufferLimitException(DataBufferLimitException ex,
            ServerWebExchange exchange) {
        return handleExceptionInternal(ex, payloadTooLarge(), new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE,
                exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return validationResponse(ex, bindingErrors(ex.getBindingResult()), exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status,
            ServerWebExchange exchange) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String prefix = parameterPrefix(result);
            if (result instanceof ParameterErrors bean) {
                for (ApiProblem.FieldError error : bindingErrors(bean)) {
                    errors.add(new ApiProblem.FieldError(join(prefix, error.field()), error.message()));
                }
            }
            else {
                result.getResolvableErrors()
                    .forEach(error -> errors.add(new ApiProblem.FieldError(prefix, error.getDefaultMessage())));
            }
        }
        ex.getCrossParameterValidationResults()
            .forEach(error -> errors.add(new ApiProblem.FieldError(null, error.getDefaultMessage())));
        return validationResponse(ex, errors, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = jsonBodyErrors.problemFor(ex)
            .or(() -> typeMismatch(ex))
            .orElseGet(() -> ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, inputDetail(ex)));
        return handleExceptionInternal(ex, problem, headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleResponseStatusException(ResponseStatusException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (ex instanceof ContentTooLargeException) {
            return handleExceptionInternal(ex, payloadTooLarge(), headers, status, exchange);
        }
        if (ex instanceof NoResourceFoundException) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No resource at " + exchange.getRequest().getPath().value());
            return handleExceptionInternal(ex, problem, headers, status, exchange);
        }
        return super.handleResponseStatusException(ex, headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (status.is5xxServerError()) {
            log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        }
        return super.handleExceptionInternal(ex, body, headers, status, exchange);
    }

    /** The one place every body passes, including those the base class takes from an {@code ErrorResponse}. */
    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem) {
            ProblemDetailWriter.complete(problem, exchange);
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    private Mono<ResponseEntity<Object>> validationResponse(Exception ex, List<ApiProblem.FieldError> errors,
            ServerWebExchange exchange) {
        String detail = errors.size() == 1 ? describe(errors.get(0))
                : errors.size() + " inputs are invalid; see errors.";
        return handleExceptionInternal(ex, ApiProblem.validation(HttpStatus.BAD_REQUEST, detail, errors),
                new HttpHeaders(), HttpStatus.BAD_REQUEST, exchange);
    }

    private static String describe(ApiProblem.FieldError error) {
        return error.field() == null ? error.message() : "Field '" + error.field() + "' " + error.message() + ".";
    }

    private static List<ApiProblem.FieldError> bindingErrors(Errors result) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            errors.add(new ApiProblem.FieldError(error.getField(), fieldMessage(error, result)));
        }
        for (ObjectError error : result.getGlobalErrors()) {
            errors.add(new ApiProblem.FieldError(null, error.getDefaultMessage()));
        }
        return errors;
    }

    /**
     * A binding failure's default message is Spring's conversion error, which names Java types; say what the
     * value must be instead.
     */
    private static String fieldMessage(FieldError error, Errors result) {
        if (!error.isBindingFailure()) {
            return error.getDefaultMessage();
        }
        return "must be " + ValueTypes.describe(result.getFieldType(error.getField()), Enum::name);
    }

    /** A path variable, query parameter or header that could not be converted to the parameter's type. */
    private static Optional<ProblemDetail> typeMismatch(ServerWebInputException ex) {
        if (!(ex.getCause() instanceof TypeMismatchException mismatch) || ex.getMethodParameter() == null) {
            return Optional.empty();
        }
        String name = parameterName(ex.getMethodParameter());
        String message = "must be " + ValueTypes.describe(mismatch.getRequiredType(), Enum::name);
        return Optional.of(ApiProblem.validation(HttpStatus.BAD_REQUEST, "Parameter '" + name + "' " + message + ".",
                List.of(new ApiProblem.FieldError(name, message))));
    }

    private static String inputDetail(ServerWebInputException ex) {
        if ("No request body".equals(ex.getReason())) {
            return "The request body is missing.";
        }
        return "The request could not be read.";
    }

    private static ProblemDetail payloadTooLarge() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than this service accepts.");
    }

    private static String parameterPrefix(ParameterValidationResult result) {
        String name = result instanceof ParameterErrors ? null : parameterName(result.getMethodParameter());
        if (result.getContainerIndex() != null) {
            return join(name, "[" + result.getContainerIndex() + "]");
        }
        if (result.getContainerKey() != null) {
            return join(name, "[" + result.getContainerKey() + "]");
        }
        return name;
    }

    /** The name the client used: the annotation's explicit name, else the Java parameter name. */
    private static String parameterName(MethodParameter parameter) {
        MergedAnnotations annotations = MergedAnnotations.from(parameter.getParameterAnnotations());
        for (Class<? extends java.lang.annotation.Annotation> type : List.of(RequestParam.class,
                PathVariable.class, RequestHeader.class)) {
            MergedAnnotation<?> annotation = annotations.get(type);
            if (annotation.isPresent() && !annotation.getString("name").isEmpty()) {
                return annotation.getString("name");
            }
        }
        String name = parameter.getParameterName();
        return name != null ? name : "argument " + parameter.getParameterIndex();
    }

    private static String join(String prefix, String field) {
        if (prefix == null) {
            return field;
        }
        if (field == null) {
            return prefix;
        }
        return field.startsWith("[") ? prefix + field : prefix + "." + field;
    }

    /** {@code items[0].name}, or the parameter name for a method argument; method nodes are Java internals. */
    private static String path(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            else if (node.getKey() != null) {
                path.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(node.getName());
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
