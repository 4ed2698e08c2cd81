package com.azalea.products.catalog;

import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Keeps an admin write's body, as its handler received it (the fields it sets, not the bytes sent), for
 * the write's audit entry ({@link AuditTrail}).
 */
@ControllerAdvice(assignableTypes = CatalogAdminController.class)
class AuditedBodies extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage message, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        RequestContextHolder.currentRequestAttributes().setAttribute(AuditTrail.FIELDS, body, RequestAttributes.SCOPE_REQUEST);
        return body;
    }
}
