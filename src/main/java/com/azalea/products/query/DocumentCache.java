package com.azalea.products.query;

import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The read path's Redis: one shared Lettuce connection with a byte codec, taken from the client Spring
 * Data Redis configured. A GET is a single command that returns the stored bytes, with no template,
 * serializer or connection binding in between. It follows the client's lifecycle: the client is shut
 * down when the context stops and made anew when it starts, so the connection is too.
 */
@Component
class DocumentCache implements SmartLifecycle {

    /** How long "no such product" is remembered; a projection of that product overwrites it at once. */
    static final Duration ABSENT_LIFETIME = Duration.ofMinutes(5);

    private final LettuceConnectionFactory factory;
    private volatile StatefulRedisConnection<byte[], byte[]> connection;
    private volatile RedisCommands<byte[], byte[]> commands;

    private final Duration timeout;

    DocumentCache(LettuceConnectionFactory factory, ReadProperties properties) {
        this.factory = factory;
        this.timeout = properties.redisTimeout();
    }

    byte[] get(byte[] key) {
        return commands.get(key);
    }

    /**
     * Stores a value read from the table only if the key is still absent: a projection that ran
     * meanwhile has written a newer value, which must win.
     */
    void refill(byte[] key, byte[] value) {
        SetArgs args = value.length == 0 ? SetArgs.Builder.nx().ex(ABSENT_LIFETIME) : SetArgs.Builder.nx();
        commands.set(key, value, args);
    }

    @Override
    public void start() {
        connection = ((RedisClient) factory.getRequiredNativeClient()).connect(ByteArrayCodec.INSTANCE);
        // shorter than the client's default: a read has the read table to fall back on
        connection.setTimeout(timeout);
        commands = connection.sync();
    }

    @Override
    public void stop() {
        if (connection.isOpen()) {
            connection.close();
        }
    }

    @Override
    public boolean isRunning() {
        return connection != null && connection.isOpen();
    }

    /** After the connection factory starts, before it stops. */
    @Override
    public int getPhase() {
        return factory.getPhase() + 1;
    }
}
