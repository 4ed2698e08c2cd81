package com.azalea.products.generate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What was written to one file: every physical line after the header (dirt included) and, for each dirt kind
 * that applies to the file, how many of those lines carry it.
 */
public record FileReport(String file, long dataLines, Map<String, Long> dirtLines) {

    public FileReport {
        dirtLines = Collections.unmodifiableMap(new LinkedHashMap<>(dirtLines));
    }
}
