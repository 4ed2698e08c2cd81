package com.azalea.products.projection;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/** How a store of documents compares with what the write model gives: a count per state, thread-safe. */
public final class Drift {

    /** How one stored document compares with the expected one. */
    public enum State {
        EQUAL, DIFFERING, MISSING, EXTRA
    }

    private final LongAdder[] counts = new LongAdder[State.values().length];

    Drift() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    void count(State state) {
        counts[state.ordinal()].increment();
    }

    public long get(State state) {
        return counts[state.ordinal()].sum();
    }

    String summary(String unit) {
        return String.format(Locale.ROOT, "%,d %s equal, %,d differing, %,d missing, %,d extra",
                get(State.EQUAL), unit, get(State.DIFFERING), get(State.MISSING), get(State.EXTRA));
    }
}
