package com.azalea.products.query;

/** The page of list entries GET /products asks for, as an offset into the catalog in id order. */
public record ListPage(long offset, long count) {

    /** Anything but positive integers, or a count above the maximum, is a 400 naming the parameter. */
    public static ListPage parse(String page, String count, int maxCount) {
        long pageNumber = PositiveNumber.parse("page", page);
        long pageSize = PositiveNumber.parse("count", count);
        if (pageSize > maxCount) {
            throw new BadRequestException("count", count, "is above the maximum of " + maxCount);
        }
        long offset;
        try {
            offset = Math.multiplyExact(pageNumber - 1, pageSize);
        } catch (ArithmeticException e) {
            offset = Long.MAX_VALUE; // past any catalog: an empty page
        }
        return new ListPage(offset, pageSize);
    }
}
