package com.azalea.products.query;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts {@link ReadAdmission} in front of the public reads only ({@code azalea.read.admission.enabled}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "azalea.read.admission.enabled", havingValue = "true")
class ReadApiLimits {

    /** The reads in flight and the turns waited for; first come, first served, so no read waits behind later ones. */
    @Bean
    Bulkhead readsInFlight(ReadProperties properties) {
        return Bulkhead.of("reads", BulkheadConfig.custom()
                .maxConcurrentCalls(properties.admission().maxInFlight())
                .maxWaitDuration(properties.admission().maxWait())
                .fairCallHandlingStrategyEnabled(true)
                .build());
    }

    @Bean
    FilterRegistrationBean<ReadAdmission> readAdmission(Bulkhead readsInFlight, MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(new ReadAdmission(readsInFlight, meters));
        registration.addUrlPatterns("/products", "/products/*");
        // first after CORS: a refusal costs no observation, no other filter's work
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
