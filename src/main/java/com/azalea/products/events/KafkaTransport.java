package com.azalea.products.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The Kafka side of the events, on when {@code azalea.events.transport=kafka}: the topics of single and
 * bulk writes and their dead-letter topic, the error handling of the projector consumer, and a health check of the broker.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // the service moves changes; batch commands do not
@ConditionalOnProperty(name = "azalea.events.transport", havingValue = "kafka")
class KafkaTransport {

    /** A poison record is retried this often before it goes to the dead-letter topic. */
    static final long POISON_RETRIES = 2;

    @Bean
    NewTopic productChangesTopic(EventsProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(properties.partitions()).build();
    }

    @Bean
    NewTopic productChangesBulkTopic(EventsProperties properties) {
        return TopicBuilder.name(properties.bulkTopic()).partitions(properties.partitions()).build();
    }

    /** As many partitions as the topics: a dead letter keeps its partition number. */
    @Bean
    NewTopic productChangesDeadLetterTopic(EventsProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic()).partitions(properties.partitions()).build();
    }

    /**
     * Poison records: a few quick retries, then the dead-letter topic. Anything else (PostgreSQL or
     * Redis away) is retried until it works, so no change is parked while the read model is unreachable.
     */
    @Bean
    DefaultErrorHandler projectionErrorHandler(KafkaTemplate<String, String> template, EventsProperties properties, MeterRegistry meters) {
        Counter deadLetters = Counter.builder("azalea.events.dead_letters").description("changes sent to the dead-letter topic").register(meters);
        var deadLetterTopic = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(properties.deadLetterTopic(), record.partition()));
        var handler = new DefaultErrorHandler((record, exception) -> {
            deadLetterTopic.accept(record, exception); // throws if the dead letter could not be published
            deadLetters.increment();
        }, new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS));
        handler.setBackOffFunction((record, exception) -> isPoison(exception) ? new FixedBackOff(100, POISON_RETRIES) : null);
        return handler;
    }

    /**
     * A projected batch's offsets are committed without waiting for the broker's answer, so the next
     * poll starts at once; a commit lost that way only repeats changes, which reprojection shrugs off.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> asyncOffsetCommits() {
        return container -> container.getContainerProperties().setSyncCommits(false);
    }

    @Bean
    HealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return () -> {
            try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
                return Health.up().withDetail("clusterId", client.describeCluster().clusterId().get(2, TimeUnit.SECONDS)).build();
            } catch (Exception e) {
                return Health.down(e).build();
            }
        };
    }

    private static boolean isPoison(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof PoisonChangeException) {
                return true;
            }
        }
        return false;
    }
}
