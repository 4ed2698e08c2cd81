package com.azalea.products.query;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Browser pages on the allowed origins ({@code azalea.read.cors}) may read the public API, with an Authorization header too. */
@Configuration(proxyBeanMethods = false)
class ReadApiCors implements WebMvcConfigurer {

    private final ReadProperties properties;

    ReadApiCors(ReadProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        // "/products/**" covers "/products" itself too
        properties.cors().register(registry, "/products/**", "GET", "HEAD");
    }
}
