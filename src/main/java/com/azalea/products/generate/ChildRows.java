package com.azalea.products.generate;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * The loop shared by the five child files (features, styles, related per product; photos, skus per style):
 * rows grouped by parent in parent order, a random group size per parent, ids counting up in file order.
 * The loop decides ids, parent and dirt; a {@link Row} writes the rest of each line.
 */
final class ChildRows {

    /**
     * @param maxPerParent  largest group; sizes are binomial(maxPerParent, mean / maxPerParent)
     * @param swapRate      chance a group's first two ids are swapped (real files list e.g. {@code 8,2} before {@code 7,2})
     * @param gapRate       chance an id is skipped before a group (real photo ids have a few gaps)
     */
    record Shape(int maxPerParent, double meanPerParent, double swapRate, double gapRate) {}

    interface Row {
        /** Called once per non-empty group, before its rows, with the true parent id. */
        default void startGroup(long parentId, int size) {}

        /** Writes one line; {@code parentId} is already replaced by a dangling id when dirt is missingParent. */
        void write(long id, long parentId, int index, Dirt dirt) throws IOException;
    }

    private ChildRows() {}

    /** Writes every group and returns the largest id used. */
    static long write(CsvFileWriter out, long parentCount, Shape shape, Row row) throws IOException {
        SplittableRandom random = out.random();
        double chance = shape.meanPerParent() / shape.maxPerParent();
        long nextId = 1;
        for (long parent = 1; parent <= parentCount; parent++) {
            int size = binomial(random, shape.maxPerParent(), chance);
            if (size == 0) {
                continue;
            }
            if (nextId > 1 && random.nextDouble() < shape.gapRate()) {
                nextId++;
            }
            boolean swapFirstTwo = size > 1 && random.nextDouble() < shape.swapRate();
            row.startGroup(parent, size);
            for (int i = 0; i < size; i++) {
                long id = swapFirstTwo && i < 2 ? nextId + 1 - i : nextId + i;
                Dirt dirt = out.pickDirt();
                row.write(id, dirt == Dirt.MISSING_PARENT ? Catalog.beyond(parentCount, random) : parent, i, dirt);
            }
            nextId += size;
        }
        return nextId - 1;
    }

    private static int binomial(SplittableRandom random, int trials, double chance) {
        int successes = 0;
        for (int i = 0; i < trials; i++) {
            if (random.nextDouble() < chance) {
                successes++;
            }
        }
        return successes;
    }
}
