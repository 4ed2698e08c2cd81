package com.azalea.products.generate;

/** The kinds of deliberate dirt; {@link #key()} is the name used in {@link FileReport#dirtLines()} and {@link DirtRates}. */
enum Dirt {
    MISSING_PARENT("missingParent"),
    DUPLICATE_ID("duplicateId"),
    RELATED_ZERO("relatedZero"),
    RELATED_DANGLING("relatedDangling"),
    UNCLOSED_QUOTE("unclosedQuote"),
    OVERLONG_THUMBNAIL("overlongThumbnail"),
    QUOTED_PUNCTUATION("quotedPunctuation");

    private final String key;

    Dirt(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }
}
