package com.azalea.products.query;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The read API's routes in a handler mapping of their own, asked before any other. Spring MVC matches a
 * path with a variable ({@code /products/{productId}}) against every route of a mapping in turn, and the
 * actuator's mapping is asked first: finding the handler of a read took a quarter of the CPU of a
 * near-cache hit (a JFR profile, docs/benchmarks.md). Here it is matched against the read routes alone.
 * The main mapping keeps them too: it answers every other path, and API descriptions are built from it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // batch commands serve no request
class ReadApiRouting {

    @Bean
    RequestMappingHandlerMapping readApiHandlerMapping(@Qualifier("mvcContentNegotiationManager") ContentNegotiationManager negotiation) {
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping() {
            @Override
            protected boolean isHandler(Class<?> beanType) {
                return AnnotatedElementUtils.hasAnnotation(beanType, ReadApi.class) && super.isHandler(beanType);
            }
        };
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
        mapping.setContentNegotiationManager(negotiation);
        return mapping;
    }
}
