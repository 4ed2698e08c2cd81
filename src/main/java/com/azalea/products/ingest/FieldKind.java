package com.azalea.products.ingest;

/**
 * How a source field is checked and turned into a COPY value. Everything PostgreSQL would refuse is
 * refused here first, because one refused row aborts a whole COPY.
 */
enum FieldKind {
    /** The row's own id: a positive integer, unique in its file. */
    ID,
    PRODUCT_REF,
    STYLE_REF,
    RELATED_PRODUCT_REF,
    TEXT,
    /** Text where the source writes the word {@code null} for "none". */
    NULLABLE_TEXT,
    PRICE,
    NULLABLE_PRICE,
    /** {@code 1}/{@code 0} (or {@code true}/{@code false}). */
    FLAG,
    QUANTITY;

    static final String NULL_WORD = "null";
    static final int MAX_TEXT_LENGTH = 2048;
    static final int MAX_DESCRIPTION_LENGTH = 8192;
    private static final int PRICE_INTEGER_DIGITS = 8; // numeric(10,2)

    /** @return the value for COPY, {@code null} for SQL NULL */
    String check(String name, String value, int maxLength, RowChecks checks) throws Rejection {
        return switch (this) {
            case ID -> checks.ownId(name, positiveInt(name, value), value);
            case PRODUCT_REF -> checks.existingProduct(name, positiveInt(name, value), value, RejectReason.MISSING_PARENT);
            case STYLE_REF -> checks.existingStyle(name, positiveInt(name, value), value);
            case RELATED_PRODUCT_REF -> relatedProduct(name, value, checks);
            case TEXT -> text(name, value, maxLength);
            case NULLABLE_TEXT -> NULL_WORD.equals(value) ? null : text(name, value, maxLength);
            case PRICE -> price(name, value);
            case NULLABLE_PRICE -> value.isEmpty() || NULL_WORD.equals(value) ? null : price(name, value);
            case FLAG -> flag(name, value);
            case QUANTITY -> {
                nonNegativeInt(name, value);
                yield value;
            }
        };
    }

    private static String relatedProduct(String name, String value, RowChecks checks) throws Rejection {
        int id = nonNegativeInt(name, value);
        if (id == 0) {
            throw new Rejection(RejectReason.MISSING_RELATED_PRODUCT, name + " is 0");
        }
        return checks.existingProduct(name, id, value, RejectReason.MISSING_RELATED_PRODUCT);
    }

    private static int positiveInt(String name, String value) throws Rejection {
        int id = nonNegativeInt(name, value);
        if (id == 0) {
            throw new Rejection(RejectReason.INVALID_VALUE, name + " must be positive, is 0");
        }
        return id;
    }

    private static int nonNegativeInt(String name, String value) throws Rejection {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 0 && value.charAt(0) != '+') {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Rejection(RejectReason.INVALID_VALUE, name + " is not a non-negative integer: " + abbreviate(value));
    }

    private static String text(String name, String value, int maxLength) throws Rejection {
        if (value.length() > maxLength) {
            throw new Rejection(RejectReason.VALUE_TOO_LONG, name + " has " + value.length() + " characters, at most " + maxLength + " allowed");
        }
        if (value.indexOf('\0') >= 0) {
            throw new Rejection(RejectReason.INVALID_VALUE, name + " contains a NUL character");
        }
        return value;
    }

    /** Whole numbers or decimals with at most two places and eight integer digits, as numeric(10,2) takes them. */
    private static String price(String name, String value) throws Rejection {
        int dot = value.indexOf('.');
        int integerDigits = dot < 0 ? value.length() : dot;
        int fractionDigits = dot < 0 ? 0 : value.length() - dot - 1;
        boolean valid = integerDigits >= 1 && integerDigits <= PRICE_INTEGER_DIGITS && fractionDigits <= 2
                && (dot < 0 || fractionDigits > 0);
        for (int i = 0; valid && i < value.length(); i++) {
            char c = value.charAt(i);
            valid = (c >= '0' && c <= '9') || i == dot;
        }
        if (!valid) {
            throw new Rejection(RejectReason.INVALID_VALUE, name + " is not a price: " + abbreviate(value));
        }
        return value;
    }

    private static String flag(String name, String value) throws Rejection {
        return switch (value) {
            case "1", "true" -> "t";
            case "0", "false" -> "f";
            default -> throw new Rejection(RejectReason.INVALID_VALUE, name + " is not 0 or 1: " + abbreviate(value));
        };
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? "'" + value + "'" : "'" + value.substring(0, 40) + "...'";
    }
}
