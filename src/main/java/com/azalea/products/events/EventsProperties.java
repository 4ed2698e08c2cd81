package com.azalea.products.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How changes travel from the outbox to the projector.
 *
 * @param transport    {@code in-process} (no broker: the relay projects itself) or {@code kafka}
 * @param topic        the Kafka topic, keyed by product id; dead letters go to {@code <topic>.DLT}
 * @param partitions   partitions of the topic when the service creates it
 * @param pollInterval how often the relay looks for outbox rows when no commit woke it (a safety net), and retries a failed delivery
 * @param batchSize    outbox rows per relay transaction
 * @param sendTimeout  how long the relay waits for Kafka to acknowledge a batch
 * @param consumerGroup the Kafka consumer group of the projectors
 */
@Validated
@ConfigurationProperties("azalea.events")
public record EventsProperties(@NotNull Transport transport, @NotBlank String topic, @Min(1) @Max(1000) int partitions,
        @NotNull Duration pollInterval, @Min(1) @Max(10_000) int batchSize, @NotNull Duration sendTimeout,
        @NotBlank String consumerGroup) {

    /** Where changes that cannot be read end up. */
    public String deadLetterTopic() {
        return topic + ".DLT";
    }

    public enum Transport {
        IN_PROCESS, KAFKA
    }
}
