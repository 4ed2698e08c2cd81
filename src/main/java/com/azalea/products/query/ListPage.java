package com.azalea.products.query;

/** The page of list entries GET /products asks for, as an offset into the catalog in id order. */
public record ListPage(long offset, long count) {

    private static final long FIRST_PAGE = 1;
    private static final long DEFAULT_COUNT = 5;

    /**
     * An absent parameter (null) takes its default, page 1 and count 5; anything else but a positive
     * integer, an empty value included, or a count above the maximum, is a 400 naming the parameter.
     */
    public static ListPage parse(String page, String count, int maxCount) {
        long pageNumber = page == null ? FIRST_PAGE : PositiveNumber.parse("page", page);
        long pageSize = count == null ? DEFAULT_COUNT : PositiveNumber.parse("count", count);
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
