package com.azalea.products.projection;

import com.azalea.products.projection.DocumentStatements.Ids;
import com.azalea.products.projection.Drift.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipException;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Recomputes every product's documents from the write model ({@code projector/verify.sql}) and
 * compares them with the read table and with Redis (each product's stored documents, inflated, and
 * its member of the list index: entry, tombstone or none), range by range; on request, reprojects
 * every product found drifting and checks those once more.
 */
@Service
public class ReadModelVerifier {

    private static final int REPAIR_BATCH = 500;

    private final JdbcClient jdbc;
    private final ProductRanges ranges;
    private final Projector projector;
    private final StringRedisTemplate redis;
    private final ListIndex listIndex;
    private final String rangeStatement;
    private final String listStatement;

    public ReadModelVerifier(JdbcClient jdbc, ProductRanges ranges, Projector projector, StringRedisTemplate redis, ListIndex listIndex) {
        this.jdbc = jdbc;
        this.listIndex = listIndex;
        this.ranges = ranges;
        this.projector = projector;
        this.redis = redis;
        String verify = DocumentStatements.load("projector/verify.sql");
        this.rangeStatement = DocumentStatements.compose(verify, Ids.RANGE);
        this.listStatement = DocumentStatements.compose(verify, Ids.LIST);
    }

    public VerifyReport verify(boolean repair) {
        long started = System.nanoTime();
        Comparison all = new Comparison();
        long products = ranges.walk("verify", (first, last) ->
                all.compare(jdbc.sql(rangeStatement).param("first_id", first).param("last_id", last)));
        Comparison afterRepair = null;
        if (repair) {
            List<List<Long>> batches = batches(all.toRepair);
            batches.forEach(projector::project);
            afterRepair = new Comparison();
            for (List<Long> batch : batches) {
                afterRepair.compare(jdbc.sql(listStatement).param("ids", DocumentStatements.arrayLiteral(batch)));
            }
        }
        return new VerifyReport(products, all, all.toRepair.size(), afterRepair, Duration.ofNanos(System.nanoTime() - started));
    }

    private static List<List<Long>> batches(Set<Long> ids) {
        List<Long> sorted = ids.stream().sorted().toList();
        List<List<Long>> batches = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += REPAIR_BATCH) {
            batches.add(sorted.subList(from, Math.min(sorted.size(), from + REPAIR_BATCH)));
        }
        return batches;
    }

    /** The counts of one pass over the table and Redis, and the products a repair must reproject. */
    public final class Comparison {
        final Drift table = new Drift();
        final Drift cache = new Drift();
        final Set<Long> toRepair = ConcurrentHashMap.newKeySet();

        /** Drift a reader can see: the table wrong, or Redis holding a wrong document. A key Redis lacks is refilled on read. */
        public boolean drifting() {
            return table.get(State.DIFFERING) + table.get(State.MISSING) + table.get(State.EXTRA) > 0
                    || cache.get(State.DIFFERING) + cache.get(State.EXTRA) > 0;
        }

        public Drift table() {
            return table;
        }

        public Drift cache() {
            return cache;
        }

        /** @return the products of the statement's ids that exist in the write model (not deleted ones) */
        private int compare(JdbcClient.StatementSpec statement) {
            List<Expected> expected = statement.query((rs, row) -> new Expected(rs.getLong("product_id"), rs.getObject("version", Long.class),
                    State.valueOf(rs.getString("in_table").toUpperCase(Locale.ROOT)),
                    new byte[][] {rs.getBytes("product"), rs.getBytes("styles"), rs.getBytes("related")}, rs.getBytes("summary"))).list();
            if (expected.isEmpty()) {
                return 0;
            }
            byte[][] keys = expected.stream().map(product -> StoredProduct.key(product.productId())).toArray(byte[][]::new);
            // on a Redis Cluster, Spring Data Redis splits this by slot
            List<byte[]> cached = redis.execute((RedisCallback<List<byte[]>>) connection -> connection.stringCommands().mGet(keys));
            LongSummaryStatistics ids = expected.stream().mapToLong(Expected::productId).summaryStatistics();
            Map<Long, byte[]> listed = listIndex.members(ids.getMin(), ids.getMax());
            boolean complete = listIndex.complete();
            int products = 0;
            for (int i = 0; i < expected.size(); i++) {
                Expected product = expected.get(i);
                table.count(product.inTable());
                boolean drifted = product.inTable() != State.EQUAL;
                products += product.live() ? 1 : 0;
                for (Document document : Document.values()) {
                    State state = cacheState(product.documents()[document.ordinal()], cached.get(i), document);
                    if (state != null) {
                        cache.count(state);
                        drifted |= state != State.EQUAL;
                    }
                }
                State entry = entryState(product, listed, complete);
                if (entry != null) {
                    cache.count(entry);
                    drifted |= entry != State.EQUAL;
                }
                if (drifted) {
                    toRepair.add(product.productId());
                }
            }
            return products;
        }
    }

    /**
     * @return how a cached document, its body inflated if it is compressed, compares with the expected one
     *         (a value that does not parse or inflate differs); null for a removed row's key that is absent or empty
     */
    private static State cacheState(byte[] expected, byte[] cached, Document document) {
        boolean present = cached != null && cached.length > 0;
        if (expected == null) {
            return present ? State.EXTRA : null;
        }
        if (cached == null) {
            return State.MISSING;
        }
        try {
            return Arrays.equals(expected, StoredProduct.cachedDocument(cached, document)) ? State.EQUAL : State.DIFFERING;
        } catch (ZipException | IllegalArgumentException e) {
            return State.DIFFERING;
        }
    }

    /**
     * How the product's member of the list index compares with the expected one: its entry if it is
     * listed, its tombstone if it is deleted, none if its row was removed. A missing entry is drift only
     * once the index says it is complete (the list is read from the table before).
     */
    private static State entryState(Expected product, Map<Long, byte[]> listed, boolean complete) {
        long id = product.productId();
        byte[] asEntry = listed.get(id);
        byte[] asTombstone = listed.get(-id);
        if (product.version() == null) {
            return asEntry != null || asTombstone != null ? State.EXTRA : null;
        }
        byte[] found = product.live() ? asEntry : asTombstone;
        byte[] other = product.live() ? asTombstone : asEntry;
        if (found == null && other == null) {
            return complete && product.live() ? State.DIFFERING : State.MISSING;
        }
        // an entry is compared inflated, as the list serves it
        boolean equal = other == null && (product.live()
                ? ListEntry.version(found) == product.version() && Arrays.equals(product.summary(), ListEntry.json(found))
                : Arrays.equals(ListEntry.tombstone(product.version(), id), found));
        return equal ? State.EQUAL : State.DIFFERING;
    }

    /** What the projection makes of a product; no version for a row that neither a product nor a deletion explains. */
    private record Expected(long productId, Long version, State inTable, byte[][] documents, byte[] summary) {
        boolean live() {
            return summary != null;
        }
    }
}
