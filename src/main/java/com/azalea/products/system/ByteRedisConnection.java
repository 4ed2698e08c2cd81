package com.azalea.products.system;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A long-lived Lettuce connection with a byte codec, from the client Spring Data Redis configured:
 * values go out and come back as the bytes they are, with no template, serializer or connection
 * binding in between. On a single Redis it is one connection; on a Redis Cluster, Lettuce's cluster
 * connection, which sends each command to its slot's master, follows {@code MOVED}/{@code ASK} and
 * topology changes, and pipelines per node. Both offer the commands used here. It follows the client's
 * lifecycle: the client is shut down when the context stops and made anew when it starts, so the
 * connection is too.
 */
public abstract class ByteRedisConnection implements SmartLifecycle {

    private final LettuceConnectionFactory factory;
    private volatile Opened opened;

    private record Opened(StatefulConnection<byte[], byte[]> connection, RedisClusterCommands<byte[], byte[]> sync,
            RedisClusterAsyncCommands<byte[], byte[]> async) {
    }

    protected ByteRedisConnection(LettuceConnectionFactory factory) {
        this.factory = factory;
    }

    protected RedisClusterCommands<byte[], byte[]> sync() {
        return opened.sync();
    }

    protected RedisClusterAsyncCommands<byte[], byte[]> async() {
        return opened.async();
    }

    /** Called on each new connection, before it is used. */
    protected void configure(StatefulConnection<byte[], byte[]> connection, RedisClusterCommands<byte[], byte[]> sync) {
    }

    @Override
    public void start() {
        AbstractRedisClient client = factory.getRequiredNativeClient();
        Opened connected;
        if (client instanceof RedisClusterClient cluster) {
            StatefulRedisClusterConnection<byte[], byte[]> connection = cluster.connect(ByteArrayCodec.INSTANCE);
            connected = new Opened(connection, connection.sync(), connection.async());
        } else {
            StatefulRedisConnection<byte[], byte[]> connection = ((RedisClient) client).connect(ByteArrayCodec.INSTANCE);
            connected = new Opened(connection, connection.sync(), connection.async());
        }
        configure(connected.connection(), connected.sync());
        opened = connected;
    }

    @Override
    public void stop() {
        if (opened.connection().isOpen()) {
            opened.connection().close();
        }
    }

    @Override
    public boolean isRunning() {
        return opened != null && opened.connection().isOpen();
    }

    /** After the connection factory starts, before it stops. */
    @Override
    public int getPhase() {
        return factory.getPhase() + 1;
    }
}
