package com.azalea.products.ingest;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * Writes rows in PostgreSQL's COPY text format: tab-separated, backslash escapes, {@code \N} for
 * NULL. A row is assembled in one reused char buffer (a bulk copy per value, escapes are rare) and
 * handed to the stream in one write.
 */
final class CopyText {

    private char[] row = new char[4096];
    private int length;

    void write(Writer out, String[] values, int count) throws IOException {
        length = 0;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                put('\t');
            }
            append(values[i]);
        }
        put('\n');
        out.write(row, 0, length);
    }

    private void append(String value) {
        if (value == null) {
            put('\\');
            put('N');
            return;
        }
        int size = value.length();
        ensureRoom(size);
        value.getChars(0, size, row, length);
        for (int i = length; i < length + size; i++) {
            char c = row[i];
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                appendEscaped(value);
                return;
            }
        }
        length += size;
    }

    private void appendEscaped(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escape('\\');
                case '\t' -> escape('t');
                case '\n' -> escape('n');
                case '\r' -> escape('r');
                default -> put(c);
            }
        }
    }

    private void escape(char c) {
        put('\\');
        put(c);
    }

    private void put(char c) {
        ensureRoom(1);
        row[length++] = c;
    }

    private void ensureRoom(int more) {
        if (length + more > row.length) {
            row = Arrays.copyOf(row, Math.max(row.length * 2, length + more));
        }
    }
}
