package com.azalea.products.ingest;

/**
 * Checks the rows of one ingest run: ids unique per file, parents loaded before their children. An id
 * counts as loaded only once its whole row passed, so children of a rejected row are rejected too.
 */
final class RowChecks {

    private final IdSet products = new IdSet();
    private final IdSet styles = new IdSet();
    private IdSet own;
    private int pendingId;

    void startFile(SourceFile file) {
        own = switch (file) {
            case PRODUCT -> products;
            case STYLES -> styles;
            default -> new IdSet();
        };
    }

    /** Fills {@code values} (COPY order, stamp columns excluded) from the CSV {@code fields}. */
    void check(SourceFile file, String[] fields, String[] values) throws Rejection {
        var columns = file.columns();
        if (fields.length != columns.size()) {
            throw new Rejection(RejectReason.WRONG_FIELD_COUNT, "expected " + columns.size() + " fields, found " + fields.length);
        }
        for (int i = 0; i < fields.length; i++) {
            Column column = columns.get(i);
            values[i] = column.kind().check(column.sourceName(), fields[i], column.maxLength(), this);
        }
        own.add(pendingId);
    }

    /** The check methods return {@code value}, the id as written, which is what COPY receives. */
    String ownId(String name, int id, String value) throws Rejection {
        if (own.contains(id)) {
            throw new Rejection(RejectReason.DUPLICATE_ID, name + " " + id + " appears on an earlier line");
        }
        pendingId = id;
        return value;
    }

    String existingProduct(String name, int id, String value, RejectReason whenMissing) throws Rejection {
        return existing(products, "product", name, id, value, whenMissing);
    }

    String existingStyle(String name, int id, String value) throws Rejection {
        return existing(styles, "style", name, id, value, RejectReason.MISSING_PARENT);
    }

    private static String existing(IdSet ids, String kind, String name, int id, String value, RejectReason whenMissing) throws Rejection {
        if (!ids.contains(id)) {
            throw new Rejection(whenMissing, name + " " + id + ": no such " + kind);
        }
        return value;
    }
}
