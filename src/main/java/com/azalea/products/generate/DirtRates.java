package com.azalea.products.generate;

/**
 * How often each kind of deliberate dirt is injected: the probability, per data line of a file the kind applies to,
 * that the line carries that kind. A line carries at most one kind, so dirt can be recounted independently.
 * <ul>
 *   <li>{@code missingParent}: a features, styles or related line whose product id is beyond the last product;
 *       a photos or skus line whose style id is beyond the last style.</li>
 *   <li>{@code duplicateId}: a clean data line repeated verbatim up to 1000 lines later in the same file
 *       (all six files); the repeated copy is the dirt line.</li>
 *   <li>{@code relatedZero}: a related line whose related_product_id is 0.</li>
 *   <li>{@code relatedDangling}: a related line whose related_product_id is beyond the last product.</li>
 *   <li>{@code unclosedQuote}: a photos line whose thumbnail_url has no closing quote (the line ends after the URL).</li>
 *   <li>{@code overlongThumbnail}: a photos line whose quoted thumbnail_url is over 3000 characters long
 *       (junk query parameters appended).</li>
 *   <li>{@code quotedPunctuation}: valid data; a product whose name, slogan and description contain commas and
 *       embedded quotes, escaped by doubling ({@code "The ""Camo"" Onesie, Reloaded"}).</li>
 * </ul>
 */
public record DirtRates(double missingParent, double duplicateId, double relatedZero, double relatedDangling,
                        double unclosedQuote, double overlongThumbnail, double quotedPunctuation) {

    public static final DirtRates DEFAULT = new DirtRates(0.0005, 0.0002, 0.001, 0.0005, 0.0001, 0.00005, 0.02);

    public DirtRates {
        for (double rate : new double[] {missingParent, duplicateId, relatedZero, relatedDangling,
                unclosedQuote, overlongThumbnail, quotedPunctuation}) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("dirt rates must lie in [0, 1]: " + rate);
            }
        }
    }

    double rateOf(Dirt kind) {
        return switch (kind) {
            case MISSING_PARENT -> missingParent;
            case DUPLICATE_ID -> duplicateId;
            case RELATED_ZERO -> relatedZero;
            case RELATED_DANGLING -> relatedDangling;
            case UNCLOSED_QUOTE -> unclosedQuote;
            case OVERLONG_THUMBNAIL -> overlongThumbnail;
            case QUOTED_PUNCTUATION -> quotedPunctuation;
        };
    }
}
