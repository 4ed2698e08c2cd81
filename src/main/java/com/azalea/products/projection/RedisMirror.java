package com.azalea.products.projection;

import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.stereotype.Component;

/**
 * Copies projected documents to Redis in one pipeline per batch. A deleted product leaves an empty
 * value (a tombstone) rather than no key, so a reader refilling from a stale row cannot resurrect it:
 * refills only ever set absent keys.
 */
@Component
public class RedisMirror {

    static final Duration TOMBSTONE_LIFETIME = Duration.ofDays(1);
    private static final byte[] TOMBSTONE = new byte[0];

    private final StringRedisTemplate redis;

    public RedisMirror(StringRedisTemplate redis) {
        this.redis = redis;
    }

    void write(List<ProjectedProduct> products) {
        if (products.isEmpty()) {
            return;
        }
        redis.executePipelined((RedisCallback<Object>) connection -> {
            for (ProjectedProduct product : products) {
                for (Document document : Document.values()) {
                    byte[] key = document.key(product.productId());
                    if (product.deleted()) {
                        connection.stringCommands().set(key, TOMBSTONE, Expiration.from(TOMBSTONE_LIFETIME), SetOption.upsert());
                    } else {
                        connection.stringCommands().set(key, product.documents().get(document));
                    }
                }
            }
            return null;
        });
    }
}
