package com.azalea.products.projection;

import com.azalea.products.system.ByteRedisConnection;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The list's copy in Redis, written by {@link RedisMirror} with the documents: sorted sets that hold
 * each listed product's entry itself ({@link ListEntry}, score = id), one set per {@value #CHUNK} ids
 * ({@code {products:list}:<n>} holds ids {@code n * CHUNK + 1} to {@code (n + 1) * CHUNK}), and
 * {@code {products:list}:sets}, the numbers of the sets written (score = number), so that a page walks
 * only sets that exist, however sparse the ids. The hash tag puts them all in one slot
 * of a Redis Cluster, so a page is one script on one node; the split keeps each key small, because a
 * cluster moves a slot one key at a time, and a single set of the whole catalog (27 MB at a tenth of
 * it) blocked its master longer than the cluster's node timeout while it moved. A deleted product keeps
 * a tombstone (score = -id) below every entry, so a late, older projection cannot list it again; the
 * version leads every member, and {@link #PUT_ENTRY} replaces a member only with one that is not older.
 *
 * <p>The sets are trusted only when the first says they are complete: a member {@code complete} with
 * score 0, below its entries. A walk over every product that starts without it (Redis emptied, the
 * first projection) adds {@code building:<token>} first and swaps it for {@code complete} at its end
 * only if it is still there, so a Redis emptied meanwhile never reads as complete. Redis can lose the
 * sets with their marker, never the marker alone. Until then the list is read from the read table.
 */
@Component
public class ListIndex extends ByteRedisConnection {

    private static final Logger log = LoggerFactory.getLogger(ListIndex.class);

    /** Ids per set: at the full catalog about 2.7 MB a set, which a cluster moves in a fraction of a second. */
    public static final int CHUNK = 10_000;
    /** The sets' names are this and their number; the first, number 0, also holds the marker. */
    public static final String PREFIX = "{products:list}:";
    /** The numbers of the sets written, in order. */
    public static final byte[] SETS = (PREFIX + "sets").getBytes(StandardCharsets.US_ASCII);
    public static final byte[] FIRST = key(1);

    /**
     * KEYS[1] the product's set, KEYS[2] {@link #SETS}; ARGV[1] the product id, ARGV[2] the version of
     * ARGV[4], the new member, to be added with score ARGV[3]. Without a version (its row removed),
     * whatever the product had is removed.
     */
    static final String PUT_ENTRY = """
            local current = redis.call('ZRANGE', KEYS[1], ARGV[1], ARGV[1], 'BYSCORE')[1]
              or redis.call('ZRANGE', KEYS[1], '-' .. ARGV[1], '-' .. ARGV[1], 'BYSCORE')[1]
            if current then
              if ARGV[2] and tonumber(string.match(current, '^%d+')) > tonumber(ARGV[2]) then return 0 end
              redis.call('ZREM', KEYS[1], current)
            end
            if ARGV[2] then
              redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
              local set = string.match(KEYS[1], '(%d+)$')
              redis.call('ZADD', KEYS[2], set, set)
            end
            return 1
            """;

    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);
    private static final byte[] COMPLETE = "complete".getBytes(StandardCharsets.US_ASCII);

    /** KEYS[1] the first set, ARGV[1] the walk's token: 1 if the walk marked it, 0 if the sets are complete already. */
    private static final String BEGIN = """
            if redis.call('ZSCORE', KEYS[1], 'complete') then return 0 end
            redis.call('ZADD', KEYS[1], 0, 'building:' .. ARGV[1])
            return 1
            """;

    /** KEYS[1] the first set, ARGV[1] the walk's token: 1 if the sets are complete now. */
    private static final String FINISH = """
            if not redis.call('ZSCORE', KEYS[1], 'building:' .. ARGV[1]) then return 0 end
            redis.call('ZREMRANGEBYSCORE', KEYS[1], 0, 0)
            redis.call('ZADD', KEYS[1], 0, 'complete')
            return 1
            """;

    private final JdbcClient jdbc;
    private final ProductRanges ranges;
    private final RedisMirror mirror;
    private final AtomicBoolean refilling = new AtomicBoolean();
    private volatile long lastAttempt = System.nanoTime() - RETRY_AFTER.toNanos();

    ListIndex(LettuceConnectionFactory connections, JdbcClient jdbc, ProductRanges ranges, RedisMirror mirror) {
        super(connections);
        this.jdbc = jdbc;
        this.ranges = ranges;
        this.mirror = mirror;
    }

    /** The set that holds the product's member. */
    public static byte[] key(long productId) {
        return (PREFIX + (productId - 1) / CHUNK).getBytes(StandardCharsets.US_ASCII);
    }

    boolean complete() {
        return sync().zscore(FIRST, COMPLETE) != null;
    }

    /** The arguments of {@link #PUT_ENTRY} for a projected product. */
    static byte[][] entryArguments(ProjectedProduct product) {
        long id = product.productId();
        if (product.removed()) {
            return new byte[][] {ascii(id)};
        }
        return product.live()
                ? new byte[][] {ascii(id), ascii(product.version()), ascii(id), ListEntry.of(product.version(), product.summary())}
                : new byte[][] {ascii(id), ascii(product.version()), ascii(-id), ListEntry.tombstone(product.version(), id)};
    }

    /** The members of products {@code firstId} to {@code lastId}, entries and tombstones, by score (-id for a tombstone). */
    Map<Long, byte[]> members(long firstId, long lastId) {
        Map<Long, byte[]> members = new HashMap<>();
        for (long set = (firstId - 1) / CHUNK; set <= (lastId - 1) / CHUNK; set++) {
            byte[] key = key(set * CHUNK + 1);
            for (Range<Long> scores : List.of(Range.create(firstId, lastId), Range.create(-lastId, -firstId))) {
                sync().zrangebyscoreWithScores(key, scores).forEach(member -> members.put((long) member.getScore(), member.getValue()));
            }
        }
        return members;
    }

    static byte[] ascii(Object value) {
        return value.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Runs a walk that writes every product's entry (the full rebuild) and marks the index complete
     * after it, unless Redis lost it meanwhile. @return what the walk returns
     */
    long completing(LongSupplier walk) {
        return walkMarked(walk, true);
    }

    /** @param evenIfComplete whether the walk runs when the index is complete already (it has other work to do) */
    private long walkMarked(LongSupplier walk, boolean evenIfComplete) {
        String token = UUID.randomUUID().toString();
        boolean marked = script(BEGIN, token);
        if (!marked && !evenIfComplete) {
            return 0;
        }
        long result = walk.getAsLong();
        if (marked && script(FINISH, token)) {
            log.info("the list index in Redis is complete: list pages are served from Redis");
        }
        return result;
    }

    /**
     * Refills an incomplete index from the read table, on a thread of its own; one at a time in this
     * process and at most one attempt per {@link #RETRY_AFTER} (another instance doing the same only
     * repeats writes that compare versions).
     */
    public void refillInBackground() {
        long now = System.nanoTime();
        if (now - lastAttempt < RETRY_AFTER.toNanos() || !refilling.compareAndSet(false, true)) {
            return;
        }
        lastAttempt = now;
        Thread.ofPlatform().name("list-index-refill").daemon().start(() -> {
            try {
                walkMarked(() -> {
                    log.info("the list index in Redis is incomplete: refilling it from the read table");
                    return ranges.walk("list index", this::refill);
                }, false);
            } catch (RuntimeException e) {
                log.warn("refilling the list index failed, the list is read from the read table: {}", e.getMessage());
            } finally {
                refilling.set(false);
            }
        });
    }

    private int refill(long firstId, long lastId) {
        var entries = jdbc.sql("""
                SELECT product_id, version, summary::text AS summary FROM product_documents WHERE product_id BETWEEN ? AND ?
                """).param(firstId).param(lastId)
                .query((rs, row) -> ProjectedProduct.listEntry(rs.getLong("product_id"), rs.getLong("version"), rs.getBytes("summary")))
                .list();
        mirror.write(entries);
        return (int) entries.stream().filter(ProjectedProduct::live).count();
    }

    private boolean script(String script, String token) {
        Long done = sync().eval(script, ScriptOutputType.INTEGER, new byte[][] {FIRST}, ascii(token));
        return done != null && done == 1;
    }
}
