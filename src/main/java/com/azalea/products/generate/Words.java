package com.azalea.products.generate;

import java.util.SplittableRandom;

/** Word lists and small templates for realistic catalog text. Plain ASCII, no commas or quotes (those are dirt). */
final class Words {

    private static final String[] ADJECTIVES = {
        "Camo", "Bright", "Heir", "Pumped", "Blues", "Morning", "Slacker's", "Summer", "Winter", "Classic",
        "Retro", "Urban", "Alpine", "Coastal", "Midnight", "Golden", "Rugged", "Silky", "Cozy", "Breezy",
        "Vintage", "Sleek", "Bold", "Easy", "Trail", "Velvet", "Electric", "Dusty", "Sunny", "Storm"};
    private static final String[] NOUNS = {
        "Onesie", "Future Sunglasses", "Force Sneakers", "Up Tank Top", "Forever Jeans", "Joggers", "Slacks",
        "Jacket", "Hoodie", "Parka", "Blazer", "Cardigan", "Tee", "Shorts", "Skirt", "Dress", "Overalls", "Vest",
        "Boots", "Loafers", "Heels", "Sandals", "Cleats", "Kicks", "Beanie", "Cap", "Scarf", "Gloves", "Belt",
        "Backpack", "Tote", "Watch", "Socks", "Romper"};
    private static final String[] CATEGORIES = {
        "Jackets", "Pants", "Kicks", "Accessories", "Dress Shoes", "Heels", "Shirts", "Shorts", "Sweatpants",
        "Pajamas", "Cleats", "Slacks", "Boots", "Sandals", "Sneakers", "Hats", "Socks", "Belts", "Sunglasses",
        "Tank Tops", "Blazers", "Hoodies", "Skirts", "Dresses", "Swimwear", "Scarves", "Gloves", "Backpacks",
        "Watches", "Jumpsuits"};
    private static final String[] SLOGAN_STARTS = {
        "Blend in to", "Stand out in", "Make a statement at", "Turn heads at", "Stay cool at", "Walk tall through",
        "Own", "Dress up for", "Keep it simple at", "Feel at home in", "Be ready for", "Light up"};
    private static final String[] SLOGAN_ENDS = {
        "your crowd", "the office", "the weekend", "any party", "the city", "every season", "the gym",
        "the great outdoors", "date night", "the beach", "the mountains", "your morning"};
    private static final String[] BENEFITS = {
        "wake you up and fit you in", "keep you warm through the coldest nights", "move with you all day long",
        "take you from the desk to the dance floor", "never let you down", "keep you dry when the sky opens up",
        "make every step feel lighter", "turn a plain day into a great one"};
    private static final String[] QUALITIES = {"high energy", "lightweight", "hand finished", "breathable",
        "ultra soft", "hard wearing", "eco friendly", "tailored"};
    private static final String[] MATERIALS = {"camo", "denim", "cotton", "leather", "wool", "linen", "canvas",
        "fleece", "suede", "jersey"};
    private static final String[] ACTIVITIES = {"blending in to even the wildest surroundings",
        "smiling from the first coffee to the last call", "ready for whatever the day throws at you",
        "looking sharp without even trying", "feeling like you are on vacation"};
    private static final String[] AUDIENCES = {"early risers", "city walkers", "weekend hikers", "night owls",
        "busy parents", "serious runners", "frequent flyers"};
    private static final String[] HABITS = {"refuse to compromise", "want comfort and style", "travel light",
        "like to stand out", "never sit still"};
    private static final String[] CLOSERS = {"You will never want to take it off.", "Wear it once and you will see.",
        "It pairs with everything in your closet.", "Machine washable and built to last.",
        "Your new favorite is here."};
    private static final String[] COLOURS = {
        "Forest Green", "Black", "Desert Brown", "Tan", "Ocean Blue", "Turquoise", "Digital Red", "White",
        "Sky Blue", "Dark Grey", "Goldenrod", "Maroon", "Navy", "Cream", "Olive", "Coral", "Plum", "Silver",
        "Charcoal", "Mint", "Rose Gold", "Mustard", "Burgundy", "Ivory", "Sand"};
    /** Each row: a feature, then the values it takes. */
    private static final String[][] FEATURES = {
        {"Fabric", "Canvas", "Cotton", "Denim", "Wool", "Linen", "Silk", "100% Cotton", "Organic Cotton"},
        {"Buttons", "Brass", "Wood", "Plastic", "Silver", "Mother of Pearl"},
        {"Sole", "Rubber", "Foam", "Leather", "Cork"},
        {"Material", "FullControlSkin", "Leather", "Suede", "Mesh", "Nylon", "Plastic"},
        {"Stitching", "Double Stitch", "Cross Stitch", "Single Stitch"},
        {"Lenses", "Ultrasheen", "Polarized", "Gradient", "Mirrored"},
        {"Frame", "DuraResin", "Metal", "Acetate", "Titanium"},
        {"Cut", "Skinny", "Loose", "Slim", "Straight", "Bootcut", "Relaxed"},
        {"Closure", "Zipper", "Velcro", "Laces", "Snap"},
        {"Fit", "Regular", "Oversized", "Tailored"},
        {"Green Leaf Certified", "true", "false"},
        {"Non-GMO", "true", "false"},
        {"Satisfaction Guaranteed", "true"},
        {"Lifetime Guarantee", "true"}};

    private Words() {}

    static String pick(SplittableRandom random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    static String productName(SplittableRandom random) {
        return pick(random, ADJECTIVES) + ' ' + pick(random, NOUNS);
    }

    static String slogan(SplittableRandom random) {
        return pick(random, SLOGAN_STARTS) + ' ' + pick(random, SLOGAN_ENDS);
    }

    static String category(SplittableRandom random) {
        return pick(random, CATEGORIES);
    }

    /** Two to four sentences: always the promise, then some of the detail sentences, in order. */
    static String description(SplittableRandom random, String name) {
        StringBuilder text = new StringBuilder(256)
                .append("The ").append(name).append(" will ").append(pick(random, BENEFITS)).append('.');
        int details = 1 + random.nextInt(7); // a non-empty subset of the three detail sentences, as bits
        if ((details & 1) != 0) {
            text.append(" This ").append(pick(random, QUALITIES)).append(' ').append(pick(random, MATERIALS))
                    .append(" will have you ").append(pick(random, ACTIVITIES)).append('.');
        }
        if ((details & 2) != 0) {
            text.append(" Made for ").append(pick(random, AUDIENCES)).append(" who ")
                    .append(pick(random, HABITS)).append('.');
        }
        if ((details & 4) != 0) {
            text.append(' ').append(pick(random, CLOSERS));
        }
        return text.toString();
    }

    /** A colour pair like the real "Forest Green & Black", now and then a single colour. */
    static String styleName(SplittableRandom random) {
        String first = pick(random, COLOURS);
        return random.nextInt(5) == 0 ? first : first + " & " + pick(random, COLOURS);
    }

    static String[] featureWithValues(SplittableRandom random) {
        return FEATURES[random.nextInt(FEATURES.length)];
    }
}
