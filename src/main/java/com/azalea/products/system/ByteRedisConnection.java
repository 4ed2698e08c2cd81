package com.azalea.products.system;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A long-lived Lettuce connection with a byte codec, from the client Spring Data Redis configured:
 * values go out and come back as the bytes they are, with no template, serializer or connection
 * binding in between. It follows the client's lifecycle: the client is shut down when the context
 * stops and made anew when it starts, so the connection is too.
 */
public abstract class ByteRedisConnection implements SmartLifecycle {

    private final LettuceConnectionFactory factory;
    private volatile StatefulRedisConnection<byte[], byte[]> connection;

    protected ByteRedisConnection(LettuceConnectionFactory factory) {
        this.factory = factory;
    }

    protected StatefulRedisConnection<byte[], byte[]> connection() {
        return connection;
    }

    /** Called on each new connection, before it is used. */
    protected void configure(StatefulRedisConnection<byte[], byte[]> connection) {
    }

    @Override
    public void start() {
        StatefulRedisConnection<byte[], byte[]> opened = ((RedisClient) factory.getRequiredNativeClient()).connect(ByteArrayCodec.INSTANCE);
        configure(opened);
        connection = opened;
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
