package com.azalea.products.query;

import com.azalea.products.projection.StoredProduct;
import com.azalea.products.system.ByteRedisConnection;
import io.lettuce.core.KeyValue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * With {@code azalea.read.near-cache.whole-catalog.enabled}, fills the near cache with every product's
 * stored documents once the service is ready (after a first start's load) and each time the cache comes
 * into use again, empty (after the announcements channel was lost and heard again): the ids from the read table in id order, the values from Redis, {@value #BATCH} at a
 * time on a connection of its own, so the reads' connection never waits behind it. The service answers
 * meanwhile (from Redis, what is not held yet). A batch that an announcement overlapped is read again, so
 * nothing older than an announcement is kept ({@link NearCache#keepAll}).
 */
@Component
class WholeCatalogFill extends ByteRedisConnection {

    private static final Logger log = LoggerFactory.getLogger(WholeCatalogFill.class);
    private static final int BATCH = 500;
    private static final int ATTEMPTS = 5;

    private final NearCache near;
    private final JdbcClient jdbc;
    private final boolean enabled;
    private final long maxBytes;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("near-cache-fill").daemon().factory());
    /** Set when a fill is asked for; a fill running clears it first, so one asked meanwhile runs after it. */
    private final AtomicBoolean wanted = new AtomicBoolean();
    private volatile boolean filled;
    private volatile boolean ready;

    WholeCatalogFill(LettuceConnectionFactory factory, NearCache near, JdbcClient jdbc, ReadProperties properties, MeterRegistry meters) {
        super(factory);
        this.near = near;
        this.jdbc = jdbc;
        this.enabled = properties.nearCache().enabled() && properties.nearCache().wholeCatalog().enabled();
        this.maxBytes = properties.nearCache().maxBytes();
        if (enabled) {
            Gauge.builder("azalea.near.filled", this, fill -> fill.filled ? 1 : 0)
                    .description("1 once the near cache holds the whole catalog, since it last came into use").register(meters);
        }
    }

    /** Once the start-up work is done (a first start loads and projects the catalog before it)... */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        ready = true;
        request();
    }

    /** ...and each time the near cache comes into use again, empty. */
    @EventListener
    void onInUse(NearCache.InUse event) {
        if (ready) {
            request();
        }
    }

    private void request() {
        if (enabled && !wanted.getAndSet(true)) {
            worker.execute(this::fill);
        }
    }

    /** @return the products it kept */
    long fill() {
        wanted.set(false);
        filled = false;
        long started = System.nanoTime();
        long kept = 0;
        long after = 0;
        List<Long> ids;
        while (!(ids = nextIds(after)).isEmpty()) {
            if (!near.usable() || wanted.get()) {
                log.info("whole catalog: the fill stopped after {} products: the near cache was emptied meanwhile", kept);
                return kept;
            }
            kept += fillBatch(ids);
            after = ids.getLast();
        }
        filled = true;
        log.info("whole catalog: {} products held in the near cache ({} MB of at most {} MB), filled in {} s", kept,
                near.bytes() >> 20, maxBytes >> 20, String.format("%.1f", (System.nanoTime() - started) / 1e9));
        if (near.size() < kept) {
            log.warn("whole catalog: the near cache holds {} of {} products: the catalog does not fit its share of the heap; "
                    + "raise -Xmx or azalea.read.near-cache.whole-catalog.heap-share", near.size(), kept);
        }
        return kept;
    }

    private List<Long> nextIds(long after) {
        return jdbc.sql("SELECT product_id FROM product_documents WHERE product_id > ? ORDER BY product_id LIMIT " + BATCH)
                .param(after).query(Long.class).list();
    }

    /** Reads a batch from Redis until no announcement overlapped the read, a few times at most. */
    private int fillBatch(List<Long> ids) {
        byte[][] keys = ids.stream().map(StoredProduct::key).toArray(byte[][]::new);
        Map<Long, byte[]> values;
        long stamp;
        int attempts = 0;
        do { // what an announcement still dropped after the last attempt is read on its next request
            stamp = near.stamp();
            values = new HashMap<>(keys.length * 2);
            List<KeyValue<byte[], byte[]>> read = sync().mget(keys); // in the order of the keys
            for (int i = 0; i < read.size(); i++) {
                if (read.get(i).hasValue() && read.get(i).getValue().length > 0) {
                    values.put(ids.get(i), read.get(i).getValue());
                }
            }
        } while (!near.keepAll(values, stamp) && ++attempts < ATTEMPTS);
        return values.size();
    }

    @Override
    public void start() {
        if (enabled) { // no connection of its own otherwise
            super.start();
        }
    }

    @Override
    public void stop() {
        wanted.set(true); // a fill in progress stops at its next batch
        if (enabled) {
            super.stop();
        }
    }
}
