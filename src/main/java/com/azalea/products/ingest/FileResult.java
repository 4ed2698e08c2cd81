package com.azalea.products.ingest;

import java.time.Duration;
import java.util.Map;

/** What loading one source file did. */
public record FileResult(SourceFile file, long lines, long loaded, Map<RejectReason, Long> rejected, Duration elapsed) {

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    public long rejected(RejectReason reason) {
        return rejected.getOrDefault(reason, 0L);
    }

    public double rowsPerSecond() {
        return lines / Math.max(elapsed.toNanos() / 1e9, 1e-9);
    }
}
