package com.azalea.products.generate;

import java.util.SplittableRandom;

/** Builds Unsplash-style photo and thumbnail URLs into two reused buffers, like the real photos.csv. */
final class PhotoUrls {

    private static final String HOST = "https://images.unsplash.com/photo-";
    private static final String IXLIB = "?ixlib=rb-1.2.1";
    private static final String IXID = "&ixid=eyJhcHBfaWQiOjEyMDd9";
    private static final String CROP = "&auto=format&fit=crop&w=";
    private static final String QUALITY = "&q=80";
    private static final int THUMBNAIL_WIDTH = 300;
    private static final int[] WIDTHS = {668, 668, 668, 668, 1000, 1650, 1650, 2734, 2775, 2800, 975, 1567};
    private static final double IXID_RATE = 0.8;
    private static final int OVERLONG = 3000;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder url = new StringBuilder(192);
    private final StringBuilder thumbnail = new StringBuilder(192);

    /** A new photo: millisecond-timestamp id (now and then a 10-digit one, as in the real file) and 12 hex digits. */
    void next(SplittableRandom random) {
        url.setLength(0);
        url.append(HOST).append(random.nextInt(4) == 0
                ? 1_400_000_000L + random.nextLong(170_000_000L)
                : 1_400_000_000_000L + random.nextLong(170_000_000_000L)).append('-');
        long hex = random.nextLong();
        for (int shift = 44; shift >= 0; shift -= 4) {
            url.append(HEX[(int) (hex >>> shift) & 0xF]);
        }
        url.append(IXLIB);
        if (random.nextDouble() < IXID_RATE) {
            url.append(IXID);
        }
        url.append(CROP);
        thumbnail.setLength(0);
        thumbnail.append(url).append(THUMBNAIL_WIDTH).append(QUALITY);
        url.append(WIDTHS[random.nextInt(WIDTHS.length)]).append(QUALITY);
    }

    /** overlongThumbnail dirt: junk query parameters until the thumbnail URL passes 3000 characters. */
    void padThumbnail() {
        while (thumbnail.length() <= OVERLONG) {
            thumbnail.append("&utm_junk=").append(thumbnail.length());
        }
    }

    CharSequence url() {
        return url;
    }

    CharSequence thumbnail() {
        return thumbnail;
    }
}
