package com.azalea.products.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * A cross-origin request from an origin the API does not allow is refused with a 403 problem detail,
 * like every other error, instead of Spring's plain-text "Invalid CORS request".
 */
@Configuration(proxyBeanMethods = false)
class CorsRejections {

    private static final byte[] PROBLEM = """
            {"type":"about:blank","title":"Forbidden","status":403,"detail":"this origin, method or header is not allowed to call the API from a browser"}"""
            .getBytes(StandardCharsets.UTF_8);

    @Bean
    static BeanPostProcessor problemDetailCorsRejections() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractHandlerMapping mapping) {
                    mapping.setCorsProcessor(new ProblemCorsProcessor());
                }
                return bean;
            }
        };
    }

    private static final class ProblemCorsProcessor extends DefaultCorsProcessor {
        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            response.getBody().write(PROBLEM);
            response.flush();
        }
    }
}
