package com.azalea.products.query;

import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.CorsFilter;

/** Browser pages on the allowed origins ({@code azalea.read.cors}) may read the public API, with an Authorization header too. */
@Configuration(proxyBeanMethods = false)
class ReadApiCors {

    @Bean
    FilterRegistrationBean<CorsFilter> readApiCorsFilter(ReadProperties properties) {
        return properties.cors().filter(List.of("/products", "/products/*"), "GET", "HEAD");
    }
}
