package com.azalea.products.ingest;

/**
 * Formats rows in PostgreSQL's COPY text format: tab-separated, backslash escapes, {@code \N} for
 * NULL. A row is built in one buffer and handed to the stream in one write.
 */
final class CopyText {

    private final StringBuilder row = new StringBuilder(1024);

    /** @return the row, valid until the next call */
    CharSequence format(String[] values, int count) {
        row.setLength(0);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                row.append('\t');
            }
            append(values[i]);
        }
        return row.append('\n');
    }

    private void append(String value) {
        if (value == null) {
            row.append("\\N");
            return;
        }
        int length = value.length();
        int start = 0;
        for (int i = 0; i < length; i++) {
            String escaped = switch (value.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                row.append(value, start, i).append(escaped);
                start = i + 1;
            }
        }
        if (start == 0) {
            row.append(value); // a bulk copy; the ranged append copies char by char
        } else {
            row.append(value, start, length);
        }
    }
}
