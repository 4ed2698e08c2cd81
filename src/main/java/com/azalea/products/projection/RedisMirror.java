package com.azalea.products.projection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.stereotype.Component;

/**
 * Copies projected documents to Redis in bounded pipelines. A document replaces the cached one only
 * if it is not older (the version leads its ETag), so a late projection cannot undo a newer one. A
 * deleted product leaves an empty value (a tombstone) rather than no key, so a reader refilling from a
 * stale row cannot resurrect it: refills only ever set absent keys.
 */
@Component
public class RedisMirror {

    static final Duration TOMBSTONE_LIFETIME = Duration.ofDays(1);
    private static final byte[] TOMBSTONE = new byte[0];
    private static final int PIPELINE_PRODUCTS = 200;

    /** KEYS[1] the document's key, ARGV[1] the new value, ARGV[2] its version. */
    private static final byte[] SET_UNLESS_NEWER = """
            local current = redis.call('GET', KEYS[1])
            if current then
              local stored = tonumber(string.match(current, '^"(%d+)%-'))
              if stored and stored > tonumber(ARGV[2]) then return 0 end
            end
            redis.call('SET', KEYS[1], ARGV[1])
            return 1
            """.getBytes(StandardCharsets.UTF_8);

    private final StringRedisTemplate redis;

    public RedisMirror(StringRedisTemplate redis, LettuceConnectionFactory connections) {
        this.redis = redis;
        // a pipeline goes out in one write when it closes, not in one write per command
        connections.setPipeliningFlushPolicy(LettuceConnection.PipeliningFlushPolicy.flushOnClose());
    }

    void write(List<ProjectedProduct> products) {
        // bounded pipelines: each must complete within the command timeout
        for (int from = 0; from < products.size(); from += PIPELINE_PRODUCTS) {
            writePipelined(products.subList(from, Math.min(products.size(), from + PIPELINE_PRODUCTS)));
        }
    }

    private void writePipelined(List<ProjectedProduct> products) {
        redis.executePipelined((RedisCallback<Object>) connection -> {
            for (ProjectedProduct product : products) {
                byte[] version = Long.toString(product.version()).getBytes(StandardCharsets.US_ASCII);
                for (Document document : Document.values()) {
                    byte[] key = document.key(product.productId());
                    if (product.deleted()) {
                        connection.stringCommands().set(key, TOMBSTONE, Expiration.from(TOMBSTONE_LIFETIME), SetOption.upsert());
                    } else {
                        connection.scriptingCommands().eval(SET_UNLESS_NEWER, ReturnType.INTEGER, 1, key, product.documents().get(document), version);
                    }
                }
            }
            return null;
        });
    }
}
