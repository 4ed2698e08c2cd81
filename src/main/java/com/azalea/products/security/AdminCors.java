package com.azalea.products.security;

import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.CorsFilter;

/**
 * The admin API answers browser pages of other origins only when {@code azalea.admin.cors.allowed-origins}
 * lists them; their preflights (which carry no token) are answered before the token is asked for.
 */
@Configuration(proxyBeanMethods = false)
class AdminCors {

    @Bean
    FilterRegistrationBean<CorsFilter> adminCorsFilter(AdminProperties properties) {
        return properties.cors().filter(List.of("/admin/*"), "POST", "PUT", "PATCH", "DELETE");
    }
}
