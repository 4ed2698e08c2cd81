package com.azalea.products.generate;

import java.io.IOException;
import java.util.SplittableRandom;

/** Writes the files keyed by product: product.csv, features.csv and related.csv. */
final class ProductFiles {

    /** Real full set: 2,219,279 features and 4,508,263 related rows for 1,000,011 products. */
    private static final ChildRows.Shape FEATURES_PER_PRODUCT = new ChildRows.Shape(6, 2.2193, 0, 0);
    private static final ChildRows.Shape RELATED_PER_PRODUCT = new ChildRows.Shape(9, 4.5082, 0, 0);
    private static final double NULL_FEATURE_VALUE_RATE = 0.05;
    private static final String[] PRAISE = {"the best, ever", "wow", "10/10, would buy again", "yes, please"};

    private ProductFiles() {}

    static FileReport products(Catalog catalog) throws IOException {
        try (CsvFileWriter out = new CsvFileWriter(catalog, CatalogFile.PRODUCT)) {
            SplittableRandom random = out.random();
            for (long id = 1; id <= catalog.productCount(); id++) {
                Dirt dirt = out.pickDirt();
                boolean punctuated = dirt == Dirt.QUOTED_PUNCTUATION;
                String name = Words.productName(random);
                String slogan = Words.slogan(random);
                String description = Words.description(random, name);
                out.begin(id)
                        .text(punctuated ? withQuotedPraise(name, random) : name)
                        .text(punctuated ? withQuotedPraise(slogan, random) : slogan)
                        .text(punctuated ? withQuotedPraise(description, random) : description)
                        .text(Words.category(random))
                        .number(catalog.defaultPrice(id))
                        .end(dirt);
            }
            return out.finish();
        }
    }

    static FileReport features(Catalog catalog) throws IOException {
        try (CsvFileWriter out = new CsvFileWriter(catalog, CatalogFile.FEATURES)) {
            SplittableRandom random = out.random();
            ChildRows.write(out, catalog.productCount(), FEATURES_PER_PRODUCT, (id, productId, index, dirt) -> {
                String[] feature = Words.featureWithValues(random);
                out.begin(id).number(productId).text(feature[0]);
                if (random.nextDouble() < NULL_FEATURE_VALUE_RATE) {
                    out.bare("null");
                } else {
                    out.text(feature[1 + random.nextInt(feature.length - 1)]);
                }
                out.end(dirt);
            });
            return out.finish();
        }
    }

    static FileReport related(Catalog catalog) throws IOException {
        long products = catalog.productCount();
        try (CsvFileWriter out = new CsvFileWriter(catalog, CatalogFile.RELATED)) {
            SplittableRandom random = out.random();
            ChildRows.write(out, products, RELATED_PER_PRODUCT, (id, productId, index, dirt) -> {
                long related = switch (dirt) {
                    case RELATED_ZERO -> 0;
                    case RELATED_DANGLING -> Catalog.beyond(products, random);
                    case null, default -> otherProduct(productId, products, random);
                };
                out.begin(id).number(productId).number(related).end(dirt);
            });
            return out.finish();
        }
    }

    /** A random product other than {@code productId} (itself only when it is the sole product). */
    private static long otherProduct(long productId, long products, SplittableRandom random) {
        long other = 1 + random.nextLong(products);
        return other == productId && products > 1 ? other % products + 1 : other;
    }

    /** quotedPunctuation dirt: commas and embedded quotes that CSV escaping must carry through intact. */
    private static String withQuotedPraise(String text, SplittableRandom random) {
        String praise = Words.pick(random, PRAISE);
        return text.endsWith(".")
                ? text + " As fans say, \"" + praise + "\"."
                : text + ", or as fans say, \"" + praise + '"';
    }
}
