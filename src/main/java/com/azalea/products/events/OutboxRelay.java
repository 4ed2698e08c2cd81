package com.azalea.products.events;

import com.azalea.products.projection.DocumentStatements;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the outbox: takes the oldest unsent rows with {@code FOR UPDATE SKIP LOCKED} (so several
 * instances share the work without sending a row twice at once), delivers them and deletes them in
 * the same transaction. If delivery fails the transaction rolls back and the rows wait for the next
 * round: nothing is lost while Kafka, Redis or PostgreSQL is away. It never remembers "the last id
 * sent", which would skip a row whose transaction committed after a newer one. Rows of single writes go
 * first; rows of bulk writes follow in small batches, between which single writes go first again.
 */
@Component
@ConditionalOnWebApplication
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final String TAKE = """
            SELECT id, product_id, change, created_at FROM outbox WHERE bulk = :bulk ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED
            """;

    private record Row(long id, ProductChange change) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ChangePublisher publisher;
    private final EventsProperties properties;
    private final Counter published;
    private final Timer waited;
    private volatile boolean failing;

    OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, ChangePublisher publisher, EventsProperties properties,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.publisher = publisher;
        this.properties = properties;
        this.published = Counter.builder("azalea.outbox.published").description("changes delivered from the outbox").register(meters);
        this.waited = StageTimer.register(meters, "azalea.outbox.wait", "from an admin write to its delivery by the relay");
        Gauge.builder("azalea.outbox.backlog", this, OutboxRelay::backlog).description("outbox rows not yet delivered").register(meters);
    }

    /** Delivers everything waiting; a failure is logged once and left for the next call (see {@link OutboxRelayLoop}). */
    void drain() {
        try {
            while (relayBatch(false, properties.batchSize()) == properties.batchSize()
                    || relayBatch(true, properties.bulkBatchSize()) == properties.bulkBatchSize()) {
                // a full batch: more may be waiting
            }
            if (failing) {
                failing = false;
                log.info("outbox relay recovered: changes are delivered again ({} waiting)", backlog());
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("outbox relay cannot deliver ({}); changes stay in the outbox and are retried", e.getMessage());
            }
        }
    }

    private int relayBatch(boolean bulk, int limit) {
        Integer relayed = transactions.execute(status -> {
            List<Row> rows = jdbc.sql(TAKE).param("bulk", bulk).param("limit", limit)
                    .query((rs, n) -> new Row(rs.getLong("id"), new ProductChange(rs.getLong("product_id"), rs.getString("change"),
                            rs.getTimestamp("created_at").toInstant())))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            publisher.publish(rows.stream().map(Row::change).toList(), bulk);
            Instant delivered = Instant.now();
            rows.forEach(row -> waited.record(Duration.between(row.change().at(), delivered)));
            jdbc.sql("DELETE FROM outbox WHERE id = ANY (CAST(:ids AS bigint[]))")
                    .param("ids", DocumentStatements.arrayLiteral(rows.stream().map(Row::id).toList())).update();
            return rows.size();
        });
        published.increment(relayed);
        return relayed;
    }

    private double backlog() {
        return jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single();
    }
}
