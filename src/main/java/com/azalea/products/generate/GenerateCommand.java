package com.azalea.products.generate;

import com.azalea.products.system.CliErrors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes the six Atelier CSV files (product.csv, features.csv, styles.csv, photos.csv, skus.csv,"
                + " related.csv) with realistic values and the kinds of dirt the real files hold.",
                "Scale 1.0 is the full catalog (1,000,011 products, about 26 million rows, 2.3 GB); the same scale"
                + " and seed always give the same bytes.",
                "",
                "Dirt injected, as a share of the data lines of each file it applies to:",
                "  duplicate id (a line repeated later)         0.02%  all files",
                "  missing parent product or style              0.05%  features, styles, photos, skus, related",
                "  related_product_id 0                         0.1%   related",
                "  related_product_id of no product             0.05%  related",
                "  thumbnail_url without its closing quote      0.01%  photos",
                "  thumbnail_url over 3000 characters           0.005% photos",
                "  commas and quotes inside quoted text (valid) 2%     product",
                "Besides, as in the real files: sale_price is the word null for most styles, default_style is 0/1,"
                + " some feature values are null, a few styles list ids out of order or a size twice."})
public class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into (created if missing; files there are replaced).")
    Path out;

    @Option(names = "--scale", defaultValue = "1.0", paramLabel = "S", description = "Fraction of the full catalog, > 0 (default: ${DEFAULT-VALUE}; 0.001 gives about 1,000 products).")
    double scale;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed of the random streams (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        if (!(scale > 0 && scale <= 100)) {
            throw new CliErrors.UserError("--scale must be greater than 0 and at most 100, was " + scale, CliErrors.BAD_INPUT);
        }
        GenerationReport report = new CatalogGenerator(DirtRates.DEFAULT).generate(out, scale, seed);
        report.files().values().forEach(file -> System.out.printf(Locale.ROOT, "%-14s %,12d lines  dirt %s%n",
                file.file(), file.dataLines(), file.dirtLines()));
        System.out.printf(Locale.ROOT, "generated in %.1f s into %s%n", report.elapsed().toMillis() / 1000.0, out);
        return 0;
    }
}
