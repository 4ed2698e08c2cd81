package com.azalea.products.query;

import com.azalea.products.system.QueueTimedExecutor;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.thread.Threading;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link ReadAdmission} in front of the public reads only ({@code azalea.read.admission.enabled}),
 * where requests queue for Tomcat's pool of request threads (not with virtual threads, which never queue).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "azalea.read.admission.enabled", havingValue = "true")
@ConditionalOnWebApplication // batch commands serve no request
@ConditionalOnThreading(Threading.PLATFORM)
class ReadApiLimits {

    @Bean
    FilterRegistrationBean<ReadAdmission> readAdmission(ReadProperties properties, QueueTimedExecutor requestThreads, MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(new ReadAdmission(properties.admission().maxWait(), requestThreads, meters));
        registration.addUrlPatterns("/products", "/products/*");
        // first after CORS: a refusal costs no other filter's work, and a browser can still read it
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
