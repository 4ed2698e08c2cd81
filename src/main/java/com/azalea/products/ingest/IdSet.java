package com.azalea.products.ingest;

import java.util.BitSet;

/** The ids seen so far in one file: detects duplicates, and answers "does this parent exist" for children. */
final class IdSet {

    private final BitSet ids = new BitSet();
    private long size;

    /** @return false when the id was already present */
    boolean add(int id) {
        if (ids.get(id)) {
            return false;
        }
        ids.set(id);
        size++;
        return true;
    }

    boolean contains(int id) {
        return ids.get(id);
    }

    long size() {
        return size;
    }
}
