package com.azalea.products.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/** The admin API's errors as problem details; a validation problem names every bad field as the API spells it. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {CatalogAdminController.class, AuditController.class})
class AdminApiErrors {

    @ExceptionHandler
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        return invalidFields(e.getBindingResult().getFieldErrors());
    }

    /**
     * Method validation, which runs for the handlers with a constrained path id: a path id that is not
     * positive is a 400 (as in the read API, not a 404); otherwise the body's fields are named as above.
     */
    @ExceptionHandler
    ProblemDetail invalid(HandlerMethodValidationException e) {
        String pathProblems = e.getValueResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> result.getMethodParameter().getParameterName() + " '" + result.getArgument() + "' " + error.getDefaultMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        if (!pathProblems.isEmpty()) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, pathProblems);
        }
        return invalidFields(e.getBeanResults().stream().flatMap(result -> result.getFieldErrors().stream()).toList());
    }

    private static ProblemDetail invalidFields(List<FieldError> fieldErrors) {
        List<Map<String, String>> errors = fieldErrors.stream()
                .map(error -> Map.of("field", fieldName(error.getField()), "message", String.valueOf(error.getDefaultMessage())))
                .sorted(java.util.Comparator.comparing((Map<String, String> error) -> error.get("field")))
                .toList();
        String fields = String.join(", ", errors.stream().map(error -> error.get("field")).distinct().toList());
        return withErrors(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid fields: " + fields), errors);
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidFieldException e) {
        return withErrors(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid fields: " + e.field()),
                List.of(Map.of("field", e.field(), "message", e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the body is not the JSON this request takes");
    }

    @ExceptionHandler
    ProblemDetail badBulk(BadBulkRequestException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** Each item by its index in the array and its id (null when it has none that could be read). */
    @ExceptionHandler
    ProblemDetail badItems(BulkItemsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Invalid items");
        problem.setProperty("errors", e.problems().stream().map(item -> {
            Map<String, Object> error = new LinkedHashMap<>(); // the id stays, as null, when it has none
            error.put("index", item.index());
            error.put("id", item.id());
            error.put("message", item.message());
            return error;
        }).toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    static String fieldName(String property) {
        // the JSON names of Inputs: snake_case, and "default?" for isDefault
        return property.equals("isDefault") ? "default?" : property.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }

    private static ProblemDetail withErrors(ProblemDetail problem, List<Map<String, String>> errors) {
        problem.setTitle("Invalid request body");
        problem.setProperty("errors", errors);
        return problem;
    }
}
