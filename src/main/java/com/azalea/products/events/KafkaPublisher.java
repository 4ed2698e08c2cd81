package com.azalea.products.events;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends changes to the topic of their lane keyed by product id (so one product's changes stay in order)
 * and waits for every acknowledgement. Bulk writes have a topic of their own, so that the projector's
 * consumer of single writes never waits behind a whole-catalog change in a partition.
 */
@Component
@ConditionalOnWebApplication // the service moves changes; batch commands do not
@ConditionalOnProperty(name = "azalea.events.transport", havingValue = "kafka")
class KafkaPublisher implements ChangePublisher {

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final EventsProperties properties;

    KafkaPublisher(KafkaTemplate<String, String> kafka, JsonMapper json, EventsProperties properties) {
        this.kafka = kafka;
        this.json = json;
        this.properties = properties;
    }

    @Override
    public void publish(List<ProductChange> changes, boolean bulk) {
        String topic = bulk ? properties.bulkTopic() : properties.topic();
        CompletableFuture<?>[] sends = changes.stream()
                .map(change -> kafka.send(topic, Long.toString(change.productId()), json.writeValueAsString(change)))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sends).get(properties.sendTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the changes: " + e, e);
        }
    }
}
