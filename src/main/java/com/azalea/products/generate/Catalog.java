package com.azalea.products.generate;

import java.nio.file.Path;
import java.util.SplittableRandom;

/** What every file generator shares: output directory, seed, product count and dirt rates. */
record Catalog(Path dir, long seed, long productCount, DirtRates rates) {

    private static final long PRICE_SALT = 0x5EED_0F_9121CEL;

    /** Each file draws from its own stream so files can be written in any order, on any thread. */
    SplittableRandom randomFor(CatalogFile file) {
        return new SplittableRandom(mix(seed ^ mix(file.fileName().hashCode())));
    }

    /**
     * A product's default price as a pure function of seed and id, so styles.csv can echo it
     * without waiting for product.csv. Whole numbers 5..1000, cheap ones more common.
     */
    long defaultPrice(long productId) {
        double unit = (mix(seed ^ mix(productId + PRICE_SALT)) >>> 11) * 0x1.0p-53;
        return 5 + (long) (996 * unit * unit);
    }

    /** An id past {@code max}: what a dangling reference points at. */
    static long beyond(long max, SplittableRandom random) {
        return max + 1 + random.nextInt(1000);
    }

    /** SplitMix64 finaliser: spreads nearby inputs over the whole long range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
