package com.azalea.products.system;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every answer of the service is {@code application/json}, errors included, as the Atelier contract
 * states: a problem detail keeps its RFC 9457 body but not Spring's {@code application/problem+json},
 * which a front-end that checks for JSON would take for something else. The converter keeps a content
 * type set here.
 */
@RestControllerAdvice
class JsonProblems implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true; // the body's type is known only in beforeBodyWrite (a ResponseEntity's, an error handler's)
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(selectedContentType)) {
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        }
        return body;
    }
}
