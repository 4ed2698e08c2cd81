package com.azalea.products.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The projector's Kafka consumer (one group; instances share the partitions), one per lane: single and
 * bulk writes ({@link ProjectionPace}). A batch is projected,
 * each product once, before its offsets are committed. On a failure it names the first record not
 * projected, so only that record onwards is retried.
 */
@Component
@ConditionalOnWebApplication // the service moves changes; batch commands do not
@ConditionalOnProperty(name = "azalea.events.transport", havingValue = "kafka")
@ConditionalOnBooleanProperty(name = "azalea.events.project", matchIfMissing = true) // not on a reader
class ChangeConsumer {

    private final ChangeProjection projection;
    private final JsonMapper json;

    private final Timer transit;

    ChangeConsumer(ChangeProjection projection, JsonMapper json, MeterRegistry meters) {
        this.projection = projection;
        this.json = json;
        this.transit = StageTimer.register(meters, "azalea.events.transit", "from the relay's send to the projector's receipt, through Kafka");
    }

    /** Single writes: a poll takes up to {@code azalea.events.batch-size} changes, more coalescing when behind. */
    @KafkaListener(id = "projector", groupId = "${azalea.events.consumer-group}", topics = "${azalea.events.topic}", batch = "true",
            properties = "max.poll.records=${azalea.events.batch-size}")
    void consume(List<ConsumerRecord<String, String>> records) {
        consume(records, false);
    }

    /**
     * Bulk writes, in batches small enough that a waiting single write is not held up for long; a group of
     * their own (the consumer group's name and {@code -bulk}), so each lane's lag shows on its own.
     */
    @KafkaListener(id = "projector-bulk", groupId = "${azalea.events.consumer-group}-bulk", topics = "${azalea.events.topic}.bulk", batch = "true",
            properties = "max.poll.records=${azalea.events.bulk-batch-size}")
    void consumeBulk(List<ConsumerRecord<String, String>> records) {
        consume(records, true);
    }

    private void consume(List<ConsumerRecord<String, String>> records, boolean bulk) {
        long received = System.currentTimeMillis();
        records.forEach(record -> transit.record(Math.max(0, received - record.timestamp()), TimeUnit.MILLISECONDS));
        List<ProductChange> changes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ProductChange change;
            try {
                change = read(records.get(i));
            } catch (RuntimeException poison) {
                project(changes, bulk);
                throw new BatchListenerFailedException("unreadable change", new PoisonChangeException(poison.getMessage(), poison), i);
            }
            changes.add(change);
        }
        project(changes, bulk);
    }

    private void project(List<ProductChange> changes, boolean bulk) {
        try {
            projection.apply(changes, bulk);
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("projection failed, retrying", e, 0);
        }
    }

    private ProductChange read(ConsumerRecord<String, String> record) {
        ProductChange change = json.readValue(record.value(), ProductChange.class);
        if (record.key() == null || !record.key().equals(Long.toString(change.productId())) || change.productId() <= 0) {
            throw new IllegalArgumentException("key " + record.key() + " does not match product " + change.productId());
        }
        return change;
    }
}
