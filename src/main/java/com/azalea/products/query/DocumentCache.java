package com.azalea.products.query;

import com.azalea.products.system.ByteRedisConnection;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/** The read path's Redis: one shared connection; a GET is a single command that returns the stored bytes. */
@Component
class DocumentCache extends ByteRedisConnection {

    /** How long "no such product" is remembered; a projection of that product overwrites it at once. */
    static final Duration ABSENT_LIFETIME = Duration.ofMinutes(5);

    private final Duration timeout;

    DocumentCache(LettuceConnectionFactory factory, ReadProperties properties) {
        super(factory);
        this.timeout = properties.redisTimeout();
    }

    byte[] get(byte[] key) {
        return connection().sync().get(key);
    }

    /**
     * Stores a value read from the table only if the key is still absent: a projection that ran
     * meanwhile has written a newer value, which must win.
     */
    void refill(byte[] key, byte[] value) {
        SetArgs args = value.length == 0 ? SetArgs.Builder.nx().ex(ABSENT_LIFETIME) : SetArgs.Builder.nx();
        connection().sync().set(key, value, args);
    }

    /** Shorter than the client's default: a read has the read table to fall back on. */
    @Override
    protected void configure(StatefulRedisConnection<byte[], byte[]> connection) {
        connection.setTimeout(timeout);
    }
}
