package com.azalea.products.query;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The public reads' request timer ({@link ReadRequestTimer}), where the observation filter would time them. */
@Configuration(proxyBeanMethods = false)
class ReadApiMetrics {

    /** Also an observation predicate: Spring Boot applies it to the observation registry. */
    @Bean
    ReadRequestTimer readRequestTimer(MeterRegistry meters) {
        return new ReadRequestTimer(meters);
    }

    @Bean
    FilterRegistrationBean<ReadRequestTimer> readRequestTimerFilter(ReadRequestTimer timer) {
        var registration = new FilterRegistrationBean<>(timer);
        // the observation filter's own place: the timer spans CORS, admission and every later filter
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
