package com.azalea.products.ingest;

/** Why a source line was not loaded; the code is what {@code ingest_rejects.reason} holds. */
public enum RejectReason {
    MALFORMED_CSV,
    WRONG_FIELD_COUNT,
    INVALID_VALUE,
    VALUE_TOO_LONG,
    DUPLICATE_ID,
    MISSING_PARENT,
    MISSING_RELATED_PRODUCT;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
