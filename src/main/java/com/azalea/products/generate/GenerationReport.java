package com.azalea.products.generate;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The reports of all six files, keyed by file name in catalog order, and the wall-clock time taken. */
public record GenerationReport(Map<String, FileReport> files, Duration elapsed) {

    public GenerationReport {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }
}
