package com.azalea.products.ingest;

import java.io.IOException;
import java.io.Writer;

/** Writes rows in PostgreSQL's COPY text format: tab-separated, backslash escapes, {@code \N} for NULL. */
final class CopyText {

    private CopyText() {
    }

    static void writeRow(Writer out, String[] values, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.write('\t');
            }
            writeValue(out, values[i]);
        }
        out.write('\n');
    }

    private static void writeValue(Writer out, String value) throws IOException {
        if (value == null) {
            out.write("\\N");
            return;
        }
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                default -> out.write(c);
            }
        }
    }
}
