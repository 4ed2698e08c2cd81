package com.azalea.products.ingest;

import java.util.BitSet;

/** The ids seen so far in one file: detects duplicates, and answers "does this parent exist" for children. */
final class IdSet {

    private final BitSet ids = new BitSet();

    void add(int id) {
        ids.set(id);
    }

    boolean contains(int id) {
        return ids.get(id);
    }
}
