package com.azalea.products.catalog;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The admin API answers browser pages of other origins only when {@code azalea.admin.cors.allowed-origins} lists them. */
@Configuration(proxyBeanMethods = false)
class AdminCors implements WebMvcConfigurer {

    private final AdminProperties properties;

    AdminCors(AdminProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        properties.cors().register(registry, "/admin/**", "POST", "PUT", "PATCH", "DELETE");
    }
}
