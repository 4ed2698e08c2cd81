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
     * KEYS[1] the first set of the list index ({@link ListIndex}), KEYS[2] the numbers of its sets;
     * ARGV[1] the entries to skip, ARGV[2] the page's size, ARGV[3] the sets' name without their number
     * (the sets share KEYS[1]'s hash tag, so a cluster keeps them on KEYS[1]'s node). The entries (score
     * above 0: after the tombstones and the marker) are counted set by set up to the page, then read.
     * The page starts with the marker that vouches for it; without it (the index incomplete) it is empty.
     */
    private static final String LIST_PAGE = """
            if not redis.call('ZSCORE', KEYS[1], 'complete') then return {} end
            local page = {'complete'}
            local skip, wanted = tonumber(ARGV[1]), tonumber(ARGV[2])
            for _, set in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
              if wanted == 0 then break end
              local key = ARGV[3] .. set
              local entries = redis.call('ZCOUNT', key, '(0', '+inf')
              if skip >= entries then
                skip = skip - entries
              else
                local found = redis.call('ZRANGE', key, '(0', '+inf', 'BYSCORE', 'LIMIT', skip, wanted)
                for _, entry in ipairs(found) do page[#page + 1] = entry end
                wanted = wanted - #found
                skip = 0
              end
            end
            return page
            """;
    private static final byte[] SET_PREFIX = ListIndex.PREFIX.getBytes(StandardCharsets.US_ASCII);

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
     * One command: {@code count} members of the list index ({@link ListEntry}) after the first {@code skip};
     * null when the index cannot answer (not complete).
     */
    List<byte[]> listPage(long skip, long count) {
        byte[][] keys = {ListIndex.FIRST, ListIndex.SETS};
        byte[][] args = {ascii(skip), ascii(count), SET_PREFIX};
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
