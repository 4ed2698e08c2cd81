package com.azalea.products.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The service answers JSON only (the read API writes its documents whatever the request accepts), so
 * the Accept header is not negotiated: an unparsable one would otherwise leave an error without its
 * problem body, and a foreign one would turn an admin write that succeeded into a 406.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnly implements WebMvcConfigurer {

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.ignoreAcceptHeader(true).defaultContentType(MediaType.ALL);
    }
}
