package com.azalea.products.query;

import java.net.URI;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The read API's errors as RFC 9457 problem details. */
@RestControllerAdvice(annotations = ReadApi.class)
class ReadApiErrors {

    /** A first start loads the sample catalog in seconds; a full catalog in a few minutes. */
    private static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler
    ProblemDetail badRequest(BadRequestException e) {
        ProblemDetail problem = invalidParameter(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    /**
     * Tomcat parses the query string when a parameter is first read, in the handler's arguments: one it
     * cannot parse ({@code page=%zz}, more parameters than it takes) is the client's error, not an exception for the log.
     */
    @ExceptionHandler
    ProblemDetail unreadableQuery(InvalidParameterException e) {
        return invalidParameter(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the query string cannot be read: an invalid escape or too many parameters"));
    }

    @ExceptionHandler
    ProblemDetail notFound(ProductNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Product not found");
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notReady(ReadModelNotReadyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Catalog not ready");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(problem);
    }

    private static ProblemDetail invalidParameter(ProblemDetail problem) {
        problem.setTitle("Invalid request parameter");
        problem.setType(URI.create("urn:azalea:problem:invalid-parameter"));
        return problem;
    }
}
