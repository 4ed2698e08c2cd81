package com.azalea.products.query;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The read API's routes in a handler mapping of their own, asked before any other. Spring MVC matches a
 * path with a variable ({@code /products/{productId}}) against every route of a mapping in turn, and the
 * actuator's mapping is asked first: finding the handler of a read took a quarter of the CPU of a
 * near-cache hit (a JFR profile, docs/benchmarks.md). Here it is matched against the read routes alone.
 * The main mapping keeps them too: it answers every other path, and API descriptions are built from it.
 * Before any mapping, the near cache's hits are answered by a filter ({@link NearCacheHits}).
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

    @Bean
    @ConditionalOnProperty(name = "azalea.read.source", havingValue = "documents", matchIfMissing = true)
    @ConditionalOnBooleanProperty(name = "azalea.read.near-cache.enabled", matchIfMissing = true)
    FilterRegistrationBean<NearCacheHits> nearCacheHits(ObjectProvider<DocumentReader> documents, ObjectProvider<DocumentResponses> responses) {
        var registration = new FilterRegistrationBean<>(new NearCacheHits(SingletonSupplier.of(documents::getObject),
                SingletonSupplier.of(responses::getObject)));
        registration.addUrlPatterns("/products/*");
        // after CORS and admission (and inside the request timer): a hit is answered as the controller would
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }
}
