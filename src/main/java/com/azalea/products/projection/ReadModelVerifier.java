package com.azalea.products.projection;

import com.azalea.products.projection.DocumentStatements.Ids;
import com.azalea.products.projection.Drift.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Recomputes every product's documents from the write model ({@code projector/verify.sql}) and
 * compares them with the read table and with Redis (documents, list entries and, once the list index
 * is complete, who is listed), range by range; on request, reprojects every product found drifting
 * and checks those once more.
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
                afterRepair.compare(jdbc.sql(listStatement).param("ids", DocumentStatements.idList(batch)));
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
            List<Expected> expected = statement.query((rs, row) -> {
                // the documents, then the list entry
                byte[][] documents = new byte[Document.values().length + 1][];
                for (Document document : Document.values()) {
                    documents[document.ordinal()] = rs.getBytes(document.column());
                }
                documents[Document.values().length] = rs.getBytes("summary");
                return new Expected(rs.getLong("product_id"), rs.getBoolean("live"),
                        State.valueOf(rs.getString("in_table").toUpperCase(Locale.ROOT)), documents);
            }).list();
            if (expected.isEmpty()) {
                return 0;
            }
            byte[][] keys = expected.stream()
                    .flatMap(product -> Stream.concat(Arrays.stream(Document.values()).map(document -> document.key(product.productId())),
                            Stream.of(ListIndex.entryKey(product.productId()))))
                    .toArray(byte[][]::new);
            List<byte[]> cached = redis.execute((RedisCallback<List<byte[]>>) connection -> connection.stringCommands().mGet(keys));
            List<Double> listed = listedScores(expected);
            int products = 0;
            int key = 0;
            for (int i = 0; i < expected.size(); i++) {
                Expected product = expected.get(i);
                table.count(product.inTable());
                boolean drifted = product.inTable() != State.EQUAL;
                products += product.live() ? 1 : 0;
                for (byte[] document : product.documents()) {
                    State state = cacheState(document, cached.get(key++));
                    if (state != null) {
                        cache.count(state);
                        drifted |= state != State.EQUAL;
                    }
                }
                if (listed != null) { // listed exactly when live
                    State state = (listed.get(i) != null) == product.live() ? State.EQUAL : State.DIFFERING;
                    cache.count(state);
                    drifted |= state != State.EQUAL;
                }
                if (drifted) {
                    toRepair.add(product.productId());
                }
            }
            return products;
        }
    }

    /** The scores of the products in the list index, or null while it is incomplete (the list is then read from the table). */
    private List<Double> listedScores(List<Expected> expected) {
        if (!listIndex.complete()) {
            return null;
        }
        byte[][] members = expected.stream().map(product -> ListIndex.member(product.productId())).toArray(byte[][]::new);
        return redis.execute((RedisCallback<List<Double>>) connection -> connection.zSetCommands().zMScore(ListIndex.IDS, members));
    }

    /**
     * @return how a cached value, its body inflated if it is compressed, compares with the expected one
     *         (a body that does not inflate differs); null for a removed row's key that is absent or empty
     */
    private static State cacheState(byte[] expected, byte[] cached) {
        boolean present = cached != null && cached.length > 0;
        if (expected == null) {
            return present ? State.EXTRA : null;
        }
        if (cached == null) {
            return State.MISSING;
        }
        try {
            return Arrays.equals(expected, StoredDocument.decode(cached)) ? State.EQUAL : State.DIFFERING;
        } catch (ZipException e) {
            return State.DIFFERING;
        }
    }

    private record Expected(long productId, boolean live, State inTable, byte[][] documents) {
    }
}
