package com.azalea.products.events;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How changes travel from the outbox to the projector.
 *
 * @param transport    {@code in-process} (no broker: the relay projects itself) or {@code kafka}
 * @param topic        the Kafka topic, keyed by product id; dead letters go to {@code <topic>.DLT}
 * @param partitions   partitions of the topic when the service creates it
 * @param pollInterval how often the relay looks for outbox rows when no commit woke it (a safety net), and retries a failed delivery
 * @param batchSize    outbox rows of single writes per relay transaction; a backlog is projected in batches up to this size
 * @param bulkBatchSize outbox rows of bulk writes per relay transaction and per projection: small enough that
 *                     single writes, which go first, never wait long behind one
 * @param projectionShare the share of the time the projection of an instance may be busy while the CPU is contended ({@link ProjectionPace})
 * @param contendedCpu the machine's CPU use (0 to 1) from which the projection keeps to its share; below it, it does not pause
 * @param sendTimeout  how long the relay waits for Kafka to acknowledge a batch
 * @param consumerGroup the Kafka consumer group of the projectors
 * @param project      the instance's role: {@code true}, it also projects (consumes the topics); {@code false}, a
 *                     reader, which serves and relays its own writes to Kafka but leaves projecting to the others
 */
@Validated
@ConfigurationProperties("azalea.events")
public record EventsProperties(@NotNull Transport transport, @NotBlank String topic, @Min(1) @Max(1000) int partitions,
        @NotNull Duration pollInterval, @Min(1) @Max(10_000) int batchSize, @Min(1) @Max(10_000) int bulkBatchSize,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double projectionShare,
        @DecimalMin("0") @DecimalMax("1") double contendedCpu, @NotNull Duration sendTimeout,
        @NotBlank String consumerGroup, @DefaultValue("true") boolean project) {

    public EventsProperties {
        if (!project && transport == Transport.IN_PROCESS) {
            throw new IllegalArgumentException("azalea.events.project=false (a reader) needs azalea.events.transport=kafka: "
                    + "without a broker the relay of each instance projects its own changes");
        }
    }

    /** The changes of bulk writes. */
    public String bulkTopic() {
        return topic + ".bulk";
    }

    /** Where changes that cannot be read end up. */
    public String deadLetterTopic() {
        return topic + ".DLT";
    }

    public enum Transport {
        IN_PROCESS, KAFKA
    }
}
