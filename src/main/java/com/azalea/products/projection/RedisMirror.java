package com.azalea.products.projection;

import com.azalea.products.system.ByteRedisConnection;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Copies projected documents and list entries ({@link ListIndex}) to Redis over one long-lived
 * connection: the commands of a bounded batch are all sent before any reply is awaited (pipelined).
 * A document or entry replaces the cached one only
 * if it is not older (the version leads its ETag), so a late projection cannot undo a newer one; a
 * deleted product's tombstone carries its deletion's version the same way. A row the projection removed
 * (its catalog replaced) leaves an empty value for a day rather than no key, so a reader refilling from
 * a stale row cannot bring it back: refills only ever set absent keys.
 */
@Component
public class RedisMirror extends ByteRedisConnection {

    static final Duration TOMBSTONE_LIFETIME = Duration.ofDays(1);
    private static final byte[] TOMBSTONE = new byte[0];
    private static final int BATCH_PRODUCTS = 200;

    /**
     * KEYS[1] the document's key, ARGV[1] the new value, ARGV[2] its version. For a list entry also
     * KEYS[2] the set of listed ids and ARGV[3] the product id: listed unless the value is a tombstone
     * (an ETag line alone), so the membership is as new as the entry.
     */
    private static final String SET_UNLESS_NEWER = """
            local current = redis.call('GET', KEYS[1])
            if current then
              local stored = tonumber(string.match(current, '^"(%d+)%-'))
              if stored and stored > tonumber(ARGV[2]) then return 0 end
            end
            redis.call('SET', KEYS[1], ARGV[1])
            if KEYS[2] then
              if string.sub(ARGV[1], -1) == '\\n' then
                redis.call('ZREM', KEYS[2], ARGV[3])
              else
                redis.call('ZADD', KEYS[2], ARGV[3], ARGV[3])
              end
            end
            return 1
            """;

    private final Duration timeout;
    private volatile String setUnlessNewer;

    public RedisMirror(LettuceConnectionFactory connections) {
        super(connections);
        this.timeout = Duration.ofMillis(connections.getTimeout()); // spring.data.redis.timeout
    }

    void write(List<ProjectedProduct> products) {
        // bounded batches: each must complete within the command timeout
        for (int from = 0; from < products.size(); from += BATCH_PRODUCTS) {
            List<ProjectedProduct> batch = products.subList(from, Math.min(products.size(), from + BATCH_PRODUCTS));
            try {
                writeBatch(batch);
            } catch (RedisNoScriptException e) {
                // Redis does not know the script yet (a new or restarted Redis): load it once and send the
                // batch again, which only repeats writes that compare versions
                connection().sync().scriptLoad(SET_UNLESS_NEWER);
                writeBatch(batch);
            }
        }
    }

    /** Scripts go by their digest (EVALSHA), computed here: sending and hashing the text for every key cost Redis more. */
    @Override
    protected void configure(StatefulRedisConnection<byte[], byte[]> connection) {
        setUnlessNewer = connection.sync().digest(SET_UNLESS_NEWER);
    }

    private void writeBatch(List<ProjectedProduct> products) {
        RedisAsyncCommands<byte[], byte[]> redis = connection().async();
        List<RedisFuture<?>> replies = new ArrayList<>(products.size() * (Document.values().length + 2));
        for (ProjectedProduct product : products) {
            byte[] id = ListIndex.member(product.productId());
            if (product.removed()) {
                for (Document document : Document.values()) {
                    replies.add(redis.set(document.key(product.productId()), TOMBSTONE, SetArgs.Builder.ex(TOMBSTONE_LIFETIME)));
                }
                replies.add(redis.set(ListIndex.entryKey(product.productId()), TOMBSTONE, SetArgs.Builder.ex(TOMBSTONE_LIFETIME)));
                replies.add(redis.zrem(ListIndex.IDS, id));
                continue;
            }
            byte[] version = Long.toString(product.version()).getBytes(StandardCharsets.US_ASCII);
            product.documents().forEach((document, value) -> replies.add(
                    redis.evalsha(setUnlessNewer, ScriptOutputType.INTEGER, new byte[][] {document.key(product.productId())}, value, version)));
            replies.add(redis.evalsha(setUnlessNewer, ScriptOutputType.INTEGER, new byte[][] {ListIndex.entryKey(product.productId()), ListIndex.IDS},
                    product.listEntry(), version, id));
        }
        // throws the first command's failure; false when the replies did not all come in time
        if (!LettuceFutures.awaitAll(timeout.toMillis(), TimeUnit.MILLISECONDS, replies.toArray(RedisFuture[]::new))) {
            throw new RedisCommandTimeoutException("Redis did not acknowledge the documents within " + timeout);
        }
    }
}
