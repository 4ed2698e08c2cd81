package com.azalea.products.system;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.ByteArrayCodec;
import java.util.HashSet;
import java.util.Set;
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

    /** What {@link #nodeOf} names a single Redis by. */
    public static final String SINGLE = "";

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

    /**
     * The address of the Redis that serves {@code key}: on a Redis Cluster, the master of its slot as the
     * client last saw the topology ({@code unassigned} if none); on a single Redis, {@link #SINGLE}.
     */
    public String nodeOf(byte[] key) {
        if (opened.connection() instanceof StatefulRedisClusterConnection<byte[], byte[]> cluster) {
            RedisClusterNode node = cluster.getPartitions().getPartitionBySlot(SlotHash.getSlot(key));
            return node == null ? "unassigned" : address(node);
        }
        return SINGLE;
    }

    /** Whether this is a Redis Cluster, where {@link #nodeOf} depends on the key. */
    public boolean clustered() {
        return opened.connection() instanceof StatefulRedisClusterConnection;
    }

    /** What {@link #nodeOf} can return now: the addresses of the cluster's masters that serve slots, or {@link #SINGLE}; none before the start. */
    public Set<String> nodes() {
        Opened current = opened;
        if (current == null) {
            return Set.of();
        }
        if (current.connection() instanceof StatefulRedisClusterConnection<byte[], byte[]> cluster) {
            Set<String> masters = new HashSet<>(Set.of("unassigned"));
            cluster.getPartitions().forEach(node -> {
                if (!node.getSlots().isEmpty()) {
                    masters.add(address(node));
                }
            });
            return masters;
        }
        return Set.of(SINGLE);
    }

    private static String address(RedisClusterNode node) {
        return node.getUri().getHost() + ":" + node.getUri().getPort();
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
