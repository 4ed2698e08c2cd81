package com.azalea.products.ingest;

/** A line that failed a check, thrown by the row checks and caught once per line by the loader. */
final class Rejection extends Exception {

    private final RejectReason reason;

    Rejection(RejectReason reason, String detail) {
        super(detail, null, false, false); // no stack trace: rejections are data, not bugs
        this.reason = reason;
    }

    RejectReason reason() {
        return reason;
    }
}
