package com.azalea.products.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recounts dirt from the files alone, independently of the generator, and checks it against reports and rates. */
class DirtTest {

    private static final double SCALE = 0.01;
    /** High enough that every kind's expected count at scale 0.01 is in the hundreds. */
    private static final DirtRates BOOSTED = new DirtRates(0.01, 0.01, 0.02, 0.02, 0.01, 0.01, 0.05);
    /** The dirt kinds each file can carry, as the brief defines them. */
    private static final Map<String, List<String>> KINDS = Map.of(
            "product.csv", List.of("duplicateId", "quotedPunctuation"),
            "features.csv", List.of("missingParent", "duplicateId"),
            "styles.csv", List.of("missingParent", "duplicateId"),
            "photos.csv", List.of("missingParent", "duplicateId", "unclosedQuote", "overlongThumbnail"),
            "skus.csv", List.of("missingParent", "duplicateId"),
            "related.csv", List.of("missingParent", "duplicateId", "relatedZero", "relatedDangling"));

    @TempDir
    Path tmp;

    @Test
    void reportedDirtMatchesARecountOfTheFilesAtDefaultRates() throws IOException {
        GenerationReport report = new CatalogGenerator(DirtRates.DEFAULT).generate(tmp, SCALE, 3);
        assertRecountMatches(report);
    }

    @Test
    void injectedDirtFollowsTheRates() throws IOException {
        GenerationReport report = new CatalogGenerator(BOOSTED).generate(tmp, SCALE, 5);
        assertRecountMatches(report);
        for (FileReport file : report.files().values()) {
            long duplicates = file.dirtLines().get("duplicateId");
            long pickedLines = file.dataLines() - duplicates; // each original line draws its dirt once
            file.dirtLines().forEach((kind, count) -> {
                double expected = rateOf(kind) * pickedLines;
                assertThat(expected).as(file.file() + " " + kind).isGreaterThanOrEqualTo(100);
                assertThat((double) count).as(file.file() + " " + kind).isCloseTo(expected, within(4 * Math.sqrt(expected)));
            });
        }
    }

    @Test
    void zeroRatesGiveCleanFiles() throws IOException {
        GenerationReport report = new CatalogGenerator(new DirtRates(0, 0, 0, 0, 0, 0, 0)).generate(tmp, 0.002, 9);
        assertRecountMatches(report);
        assertThat(report.files().values()).allSatisfy(file -> assertThat(file.dirtLines().values()).containsOnly(0L));
    }

    private static double rateOf(String kind) {
        return switch (kind) {
            case "missingParent" -> BOOSTED.missingParent();
            case "duplicateId" -> BOOSTED.duplicateId();
            case "relatedZero" -> BOOSTED.relatedZero();
            case "relatedDangling" -> BOOSTED.relatedDangling();
            case "unclosedQuote" -> BOOSTED.unclosedQuote();
            case "overlongThumbnail" -> BOOSTED.overlongThumbnail();
            case "quotedPunctuation" -> BOOSTED.quotedPunctuation();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private void assertRecountMatches(GenerationReport report) throws IOException {
        long maxProductId = maxId("product.csv");
        long maxStyleId = maxId("styles.csv");
        for (FileReport file : report.files().values()) {
            long parentMax = file.file().equals("photos.csv") || file.file().equals("skus.csv") ? maxStyleId : maxProductId;
            assertThat(recount(file.file(), parentMax, maxProductId)).as(file.file()).isEqualTo(file.dirtLines());
        }
    }

    /** Dirt found in one file: a repeated id, an unparseable line, a parent or related id out of range, etc. */
    private Map<String, Long> recount(String file, long parentMax, long maxProductId) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        KINDS.get(file).forEach(kind -> counts.put(kind, 0L));
        Set<String> seenIds = new HashSet<>();
        for (String line : lines(file).subList(1, lines(file).size())) {
            List<String> fields = CsvSplitter.split(line);
            if (!seenIds.add(line.substring(0, line.indexOf(',')))) {
                counts.merge("duplicateId", 1L, Long::sum);
            } else if (fields == null) {
                counts.merge("unclosedQuote", 1L, Long::sum);
            } else if (file.equals("product.csv")) {
                counts.merge("quotedPunctuation", line.contains("\"\"") ? 1L : 0L, Long::sum);
            } else if (Long.parseLong(fields.get(1)) > parentMax) {
                counts.merge("missingParent", 1L, Long::sum);
            } else if (file.equals("photos.csv") && line.length() > 3000) {
                counts.merge("overlongThumbnail", 1L, Long::sum);
            } else if (file.equals("related.csv") && Long.parseLong(fields.get(2)) == 0) {
                counts.merge("relatedZero", 1L, Long::sum);
            } else if (file.equals("related.csv") && Long.parseLong(fields.get(2)) > maxProductId) {
                counts.merge("relatedDangling", 1L, Long::sum);
            }
        }
        return counts;
    }

    private long maxId(String file) throws IOException {
        return lines(file).stream().skip(1).mapToLong(line -> Long.parseLong(line.substring(0, line.indexOf(','))))
                .max().orElse(0);
    }

    private List<String> lines(String file) throws IOException {
        return Files.readAllLines(tmp.resolve(file), StandardCharsets.UTF_8);
    }
}
