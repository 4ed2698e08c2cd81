package com.azalea.products.query;

/**
 * Whether an {@code Accept-Encoding} field (RFC 9110 section 12.5.3) accepts gzip: {@code gzip} or
 * {@code x-gzip} with a weight above 0, or else {@code *} with a weight above 0. An explicit
 * {@code gzip;q=0} wins over {@code *}; {@code identity} or no field means not. A token whose weight
 * cannot be read counts as not accepted: a client's garbage gets the identity answer, never an error.
 * Read in place, without splitting into strings: every document read asks.
 */
final class AcceptEncoding {

    private AcceptEncoding() {
    }

    static boolean acceptsGzip(String field) {
        if (field == null) {
            return false;
        }
        boolean gzipNamed = false;
        boolean gzipAccepted = false;
        boolean anyAccepted = false;
        int at = 0;
        while (at < field.length()) {
            int end = indexOf(field, ',', at, field.length());
            int parameters = indexOf(field, ';', at, end);
            int start = skipSpace(field, at, parameters);
            int length = trimmedEnd(field, start, parameters) - start;
            boolean gzip = length == 4 && field.regionMatches(true, start, "gzip", 0, 4)
                    || length == 6 && field.regionMatches(true, start, "x-gzip", 0, 6);
            boolean any = length == 1 && field.charAt(start) == '*';
            if (gzip || any) {
                boolean accepted = weightAboveZero(field, parameters, end);
                gzipNamed |= gzip;
                gzipAccepted |= gzip && accepted;
                anyAccepted |= any && accepted;
            }
            at = end + 1;
        }
        return gzipNamed ? gzipAccepted : anyAccepted;
    }

    /** The parameters between {@code from} (a ';' or the end) and {@code end}: a {@code q} above 0, or none. */
    private static boolean weightAboveZero(String field, int from, int end) {
        boolean above = true;
        int at = from;
        while (at < end) {
            int next = indexOf(field, ';', at + 1, end);
            int start = skipSpace(field, at + 1, next);
            int stop = trimmedEnd(field, start, next);
            if (stop - start >= 2 && (field.charAt(start) == 'q' || field.charAt(start) == 'Q') && field.charAt(start + 1) == '=') {
                above = qvalueAboveZero(field, start + 2, stop);
            }
            at = next;
        }
        return above;
    }

    /** qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ); anything else is unreadable, so not above 0. */
    private static boolean qvalueAboveZero(String field, int start, int stop) {
        int length = stop - start;
        if (length < 1 || length > 5 || length > 1 && field.charAt(start + 1) != '.') {
            return false;
        }
        char whole = field.charAt(start);
        if (whole != '0' && whole != '1') {
            return false;
        }
        boolean fraction = false;
        for (int i = start + 2; i < stop; i++) {
            char digit = field.charAt(i);
            if (digit < '0' || digit > '9' || whole == '1' && digit != '0') {
                return false;
            }
            fraction |= digit != '0';
        }
        return whole == '1' || fraction;
    }

    private static int indexOf(String field, char c, int from, int end) {
        int found = field.indexOf(c, from);
        return found < 0 || found > end ? end : found;
    }

    private static int skipSpace(String field, int from, int end) {
        while (from < end && (field.charAt(from) == ' ' || field.charAt(from) == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimmedEnd(String field, int start, int end) {
        while (end > start && (field.charAt(end - 1) == ' ' || field.charAt(end - 1) == '\t')) {
            end--;
        }
        return end;
    }
}
