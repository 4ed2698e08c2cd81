package com.azalea.products.projection;

import com.azalea.products.system.ByteRedisConnection;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Copies projected products to Redis over one long-lived connection: each product's documents as one
 * value ({@link StoredProduct}) and its list entry ({@link ListIndex}); the commands of a bounded batch
 * are all sent before any reply is awaited (pipelined; on a Redis Cluster, per node). Each script
 * touches one key. A value replaces the cached one only if it is not older (the version leads it), so
 * a late projection cannot undo a newer one; a deleted product's tombstones carry its deletion's
 * version the same way. A row the projection removed (its catalog replaced) leaves an empty value for
 * a day rather than no key, so a reader refilling from a stale row cannot bring it back: refills only
 * ever set absent keys. Each batch's products are then dropped from this process's near cache
 * ({@link DocumentsChanged}) and announced to every instance ({@link ChangeAnnouncements}).
 */
@Component
public class RedisMirror extends ByteRedisConnection {

    static final Duration TOMBSTONE_LIFETIME = Duration.ofDays(1);
    private static final byte[] TOMBSTONE = new byte[0];
    private static final int BATCH_PRODUCTS = 200;

    /** KEYS[1] the product's key, ARGV[1] its new value, ARGV[2] its version. */
    private static final String SET_UNLESS_NEWER = """
            local current = redis.call('GET', KEYS[1])
            if current then
              local stored = tonumber(string.match(current, '^(%d+) '))
              if stored and stored > tonumber(ARGV[2]) then return 0 end
            end
            redis.call('SET', KEYS[1], ARGV[1])
            return 1
            """;

    private final Duration timeout;
    private final ApplicationEventPublisher events;
    private volatile String setUnlessNewer;
    private volatile String putEntry;

    public RedisMirror(LettuceConnectionFactory connections, ApplicationEventPublisher events) {
        super(connections);
        this.events = events;
        this.timeout = Duration.ofMillis(connections.getTimeout()); // spring.data.redis.timeout
    }

    void write(List<ProjectedProduct> products) {
        write(products, null);
    }

    /** @param changedAt the earliest admin write these products' projection follows, if it follows changes */
    void write(List<ProjectedProduct> products, Instant changedAt) {
        // bounded batches: each must complete within the command timeout
        for (int from = 0; from < products.size(); from += BATCH_PRODUCTS) {
            List<ProjectedProduct> batch = products.subList(from, Math.min(products.size(), from + BATCH_PRODUCTS));
            try {
                writeBatch(batch);
            } catch (RedisNoScriptException e) {
                // Redis does not know the script yet (a new or restarted Redis): load it once and send the
                // batch again, which only repeats writes that compare versions
                sync().scriptLoad(SET_UNLESS_NEWER); // on a cluster, Lettuce loads it on every node
                sync().scriptLoad(ListIndex.PUT_ENTRY);
                writeBatch(batch);
            }
            announce(batch, changedAt);
        }
    }

    /** After the documents are written, so that an instance that drops a product from its near cache reads the new ones. */
    private void announce(List<ProjectedProduct> batch, Instant changedAt) {
        List<Long> changed = batch.stream().filter(product -> product.removed() || product.documents() != null)
                .map(ProjectedProduct::productId).toList();
        if (!changed.isEmpty()) {
            events.publishEvent(new DocumentsChanged(changed));
            sync().publish(ChangeAnnouncements.CHANNEL, ChangeAnnouncements.changes(changed, changedAt));
        }
    }

    /** Scripts go by their digest (EVALSHA), computed here: sending and hashing the text for every key cost Redis more. */
    @Override
    protected void configure(StatefulConnection<byte[], byte[]> connection, RedisClusterCommands<byte[], byte[]> sync) {
        setUnlessNewer = sync.digest(SET_UNLESS_NEWER);
        putEntry = sync.digest(ListIndex.PUT_ENTRY);
    }

    private void writeBatch(List<ProjectedProduct> products) {
        RedisClusterAsyncCommands<byte[], byte[]> redis = async();
        List<RedisFuture<?>> replies = new ArrayList<>(products.size() * 2);
        for (ProjectedProduct product : products) {
            byte[] key = StoredProduct.key(product.productId());
            if (product.removed()) {
                replies.add(redis.set(key, TOMBSTONE, SetArgs.Builder.ex(TOMBSTONE_LIFETIME)));
            } else if (product.documents() != null) { // absent when only the list is refilled
                replies.add(redis.evalsha(setUnlessNewer, ScriptOutputType.INTEGER, new byte[][] {key}, product.documents(),
                        ListIndex.ascii(product.version())));
            }
            replies.add(redis.evalsha(putEntry, ScriptOutputType.INTEGER, new byte[][] {ListIndex.key(product.productId()), ListIndex.SETS},
                    ListIndex.entryArguments(product)));
        }
        // throws the first command's failure; false when the replies did not all come in time
        if (!LettuceFutures.awaitAll(timeout.toMillis(), TimeUnit.MILLISECONDS, replies.toArray(RedisFuture[]::new))) {
            throw new RedisCommandTimeoutException("Redis did not acknowledge the documents within " + timeout);
        }
    }
}
