package com.azalea.products.query;

import com.azalea.products.system.ByteRedisConnection;
import com.azalea.products.projection.ListIndex;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.nio.charset.StandardCharsets;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The read path's Redis: one shared connection; a document GET is a single command that returns the
 * stored bytes, a list page a single script call that returns the page.
 */
@Component
class DocumentCache extends ByteRedisConnection {

    /** How long "no such product" is remembered; a projection of that product overwrites it at once. */
    static final Duration ABSENT_LIFETIME = Duration.ofMinutes(5);

    /**
     * KEYS[1] the set of listed ids ({@link ListIndex}), ARGV[1] and ARGV[2] the first and last rank
     * of the page (rank 0 is the marker), ARGV[3] the prefix of the entries' keys.
     */
    private static final String LIST_PAGE = """
            if redis.call('ZRANGE', KEYS[1], 0, 0)[1] ~= 'complete' then return '' end
            local ids = redis.call('ZRANGE', KEYS[1], ARGV[1], ARGV[2])
            if #ids == 0 then return '[]' end
            local keys = {}
            for i, id in ipairs(ids) do keys[i] = ARGV[3] .. id end
            local entries = redis.call('MGET', unpack(keys))
            for i, entry in ipairs(entries) do
              local newline = entry and string.find(entry, '\\n', 1, true)
              if not newline or newline == #entry then return '' end
              entries[i] = string.sub(entry, newline + 1)
            end
            return '[' .. table.concat(entries, ', ') .. ']'
            """;

    private final Duration timeout;
    private volatile String listPageDigest;

    DocumentCache(LettuceConnectionFactory factory, ReadProperties properties) {
        super(factory);
        this.timeout = properties.redisTimeout();
    }

    byte[] get(byte[] key) {
        return connection().sync().get(key);
    }

    /**
     * One command: the entries of ranks {@code first} to {@code last} of the list index, as the JSON
     * array the API returns; an empty value when the index cannot answer (not complete, an entry missing).
     */
    byte[] listPage(long first, long last) {
        byte[][] keys = {ListIndex.IDS};
        byte[][] args = {ascii(first), ascii(last), ascii(ListIndex.ENTRY_PREFIX)};
        try {
            return connection().sync().evalsha(listPageDigest, ScriptOutputType.VALUE, keys, args);
        } catch (RedisNoScriptException e) { // Redis restarted or its scripts flushed: EVAL loads it again
            return connection().sync().eval(LIST_PAGE, ScriptOutputType.VALUE, keys, args);
        }
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
        connection().sync().set(key, value, args);
    }

    /** Shorter than the client's default: a read has the read table to fall back on. */
    @Override
    protected void configure(StatefulRedisConnection<byte[], byte[]> connection) {
        connection.setTimeout(timeout);
        listPageDigest = connection.sync().digest(LIST_PAGE); // computed here, not sent
    }
}
