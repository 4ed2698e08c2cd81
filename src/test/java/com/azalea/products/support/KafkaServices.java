package com.azalea.products.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Points the Kafka clients at the test broker (the test sets {@code azalea.events.transport=kafka}). */
@TestConfiguration(proxyBeanMethods = false)
public class KafkaServices {

    @Bean
    DynamicPropertyRegistrar kafkaProperties() {
        return registry -> {
            registry.add("spring.kafka.bootstrap-servers", KafkaBroker::bootstrapServers);
        };
    }
}
