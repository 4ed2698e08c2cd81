package com.azalea.products.query;

import com.azalea.products.projection.ListEntry;
import com.azalea.products.projection.ListIndex;
import com.azalea.products.system.ByteRedisConnection;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The read path's Redis: one shared connection; a document GET is a single command that returns the
 * stored bytes of the product's documents, a list page a single script call that returns the page.
 */
@Component
class DocumentCache extends ByteRedisConnection {

    /** How long "no such product" is remembered; a projection of that product overwrites it at once. */
    static final Duration ABSENT_LIFETIME = Duration.ofMinutes(5);

    /**
     * KEYS[1] the list index ({@link ListIndex}), ARGV[1] and ARGV[2] the first and last rank of the
     * page among the entries, from 1: the entries follow the marker, which follows the tombstones. The
     * page starts with the marker that vouches for it; without it (the index incomplete) it is empty.
     */
    private static final String LIST_PAGE = """
            local marker = redis.call('ZRANK', KEYS[1], 'complete')
            if not marker then return {} end
            local page = redis.call('ZRANGE', KEYS[1], marker + ARGV[1], marker + ARGV[2])
            table.insert(page, 1, 'complete')
            return page
            """;

    private final Duration timeout;
    private volatile String listPageDigest;

    DocumentCache(LettuceConnectionFactory factory, ReadProperties properties) {
        super(factory);
        this.timeout = properties.redisTimeout();
    }

    byte[] get(byte[] key) {
        return sync().get(key);
    }

    /**
     * One command: the members of ranks {@code first} to {@code last} of the list index ({@link ListEntry});
     * null when the index cannot answer (not complete).
     */
    List<byte[]> listPage(long first, long last) {
        byte[][] keys = {ListIndex.ENTRIES};
        byte[][] args = {ascii(first), ascii(last)};
        List<byte[]> page;
        try {
            page = sync().evalsha(listPageDigest, ScriptOutputType.MULTI, keys, args);
        } catch (RedisNoScriptException e) { // Redis restarted or its scripts flushed: EVAL loads it again
            page = sync().eval(LIST_PAGE, ScriptOutputType.MULTI, keys, args);
        }
        return page.isEmpty() ? null : page.subList(1, page.size());
    }

    private static byte[] ascii(Object value) {
        return value.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Stores a value read from the table only if the key is still absent: a projection that ran
     * meanwhile has written a newer value, which must win.
     */
    void refill(byte[] key, byte[] value) {
        SetArgs args = value.length == 0 ? SetArgs.Builder.nx().ex(ABSENT_LIFETIME) : SetArgs.Builder.nx();
        sync().set(key, value, args);
    }

    /** Shorter than the client's default: a read has the read table to fall back on. */
    @Override
    protected void configure(StatefulConnection<byte[], byte[]> connection, RedisClusterCommands<byte[], byte[]> sync) {
        connection.setTimeout(timeout);
        listPageDigest = sync.digest(LIST_PAGE); // computed here, not sent
    }
}
