package com.azalea.products.generate;

import java.io.IOException;
import java.util.SplittableRandom;

/** Writes styles.csv, then the files keyed by style: photos.csv and skus.csv. */
final class StyleFiles {

    /** Real full set: 1,958,102 styles, 5,655,655 photos and 11,323,917 skus. */
    private static final ChildRows.Shape STYLES_PER_PRODUCT = new ChildRows.Shape(8, 1.9581, 0, 0);
    private static final ChildRows.Shape PHOTOS_PER_STYLE = new ChildRows.Shape(8, 2.8884, 0.01, 0.00003);
    private static final ChildRows.Shape SKUS_PER_STYLE = new ChildRows.Shape(10, 5.7831, 0.01, 0);
    private static final double NO_DEFAULT_STYLE_RATE = 0.02;
    private static final double ON_SALE_RATE = 0.25;
    private static final double PRICE_DIFFERS_RATE = 0.2;
    private static final double REPEATED_SIZE_RATE = 0.03;
    private static final int MAX_QUANTITY = 60;
    private static final String[] CLOTHING_SIZES = {"XS", "S", "M", "L", "XL", "XXL"};
    private static final String[] SHOE_SIZES =
            {"7", "7.5", "8", "8.5", "9", "9.5", "10", "10.5", "11", "11.5", "12"};
    private static final String[] ONE_SIZE = {"One Size"};

    /** styles.csv's report plus its largest style id, which photos and skus reference. */
    record Styles(FileReport report, long styleCount) {}

    private StyleFiles() {}

    static Styles styles(Catalog catalog) throws IOException {
        try (CsvFileWriter out = new CsvFileWriter(catalog, CatalogFile.STYLES)) {
            SplittableRandom random = out.random();
            long styleCount = ChildRows.write(out, catalog.productCount(), STYLES_PER_PRODUCT, new ChildRows.Row() {
                private long productPrice;
                private int defaultIndex;

                @Override
                public void startGroup(long productId, int size) {
                    productPrice = catalog.defaultPrice(productId);
                    defaultIndex = random.nextDouble() < NO_DEFAULT_STYLE_RATE ? -1 : random.nextInt(size);
                }

                @Override
                public void write(long id, long productId, int index, Dirt dirt) throws IOException {
                    long original = random.nextDouble() < PRICE_DIFFERS_RATE
                            ? Math.max(5, productPrice + random.nextLong(-productPrice / 3, productPrice / 3 + 1))
                            : productPrice;
                    out.begin(id).number(productId).text(Words.styleName(random));
                    if (random.nextDouble() < ON_SALE_RATE) {
                        out.number(original - 1 - random.nextLong(original / 2)); // always below the original
                    } else {
                        out.bare("null");
                    }
                    out.number(original).number(index == defaultIndex ? 1 : 0).end(dirt);
                }
            });
            return new Styles(out.finish(), styleCount);
        }
    }

    static FileReport photos(Catalog catalog, long styleCount) throws IOException {
        try (CsvFileWriter out = new CsvFileWriter(catalog, CatalogFile.PHOTOS)) {
            SplittableRandom random = out.random();
            PhotoUrls urls = new PhotoUrls();
            ChildRows.write(out, styleCount, PHOTOS_PER_STYLE, (id, styleId, index, dirt) -> {
                urls.next(random);
                if (dirt == Dirt.OVERLONG_THUMBNAIL) {
                    urls.padThumbnail();
                }
                out.begin(id).number(styleId).text(urls.url()).textWithoutClosingQuote(urls.thumbnail());
                if (dirt != Dirt.UNCLOSED_QUOTE) {
                    out.closingQuote();
                }
                out.end(dirt);
            });
            return out.finish();
        }
    }

    static FileReport skus(Catalog catalog, long styleCount) throws IOException {
        try (CsvFileWriter out = new CsvFileWriter(catalog, CatalogFile.SKUS)) {
            SplittableRandom random = out.random();
            ChildRows.write(out, styleCount, SKUS_PER_STYLE, new ChildRows.Row() {
                private String[] chart;
                private int offset;
                private int repeatedIndex;

                /** A run of consecutive sizes from one chart; rarely the last size repeats the one before (real: XL, XL). */
                @Override
                public void startGroup(long styleId, int size) {
                    chart = size == 1 && random.nextBoolean() ? ONE_SIZE
                            : size <= CLOTHING_SIZES.length ? CLOTHING_SIZES : SHOE_SIZES;
                    offset = random.nextInt(Math.max(1, chart.length - size + 1));
                    repeatedIndex = size > 1 && random.nextDouble() < REPEATED_SIZE_RATE ? size - 1 : -1;
                }

                @Override
                public void write(long id, long styleId, int index, Dirt dirt) throws IOException {
                    int position = offset + (index == repeatedIndex ? index - 1 : index);
                    out.begin(id).number(styleId).text(chart[position % chart.length])
                            .number(random.nextInt(MAX_QUANTITY + 1)).end(dirt);
                }
            });
            return out.finish();
        }
    }
}
