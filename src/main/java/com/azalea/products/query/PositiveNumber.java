package com.azalea.products.query;

/** Parses the ids and paging values of the read API; anything but a positive integer is a 400. */
public final class PositiveNumber {

    private PositiveNumber() {
    }

    public static long parse(String name, String value) {
        if (value.isEmpty() || value.length() > 19) {
            throw new BadRequestException(name, value, "must be a positive integer");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new BadRequestException(name, value, "must be a positive integer");
            }
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequestException(name, value, "is too large");
        }
        if (parsed == 0) {
            throw new BadRequestException(name, value, "must be a positive integer");
        }
        return parsed;
    }
}
