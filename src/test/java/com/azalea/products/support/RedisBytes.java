package com.azalea.products.support;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Redis values as the bytes they are: a stored document's body may be gzip, which a String would mangle. */
public final class RedisBytes {

    private RedisBytes() {
    }

    /** @return the value, or null when the key is absent */
    public static byte[] get(StringRedisTemplate redis, String key) {
        return redis.execute((RedisCallback<byte[]>) connection -> connection.stringCommands().get(key.getBytes(StandardCharsets.UTF_8)));
    }

    public static void set(StringRedisTemplate redis, String key, byte[] value) {
        redis.execute((RedisCallback<Boolean>) connection -> connection.stringCommands().set(key.getBytes(StandardCharsets.UTF_8), value));
    }

    /** The value in hex, comparable with equals (in maps, too); null when the key is absent. */
    public static String hex(StringRedisTemplate redis, String key) {
        byte[] value = get(redis, key);
        return value == null ? null : HexFormat.of().formatHex(value);
    }
}
