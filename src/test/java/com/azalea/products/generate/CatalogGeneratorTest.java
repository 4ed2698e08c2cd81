package com.azalea.products.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogGeneratorTest {

    private static final double SCALE = 0.01;
    private static final Map<String, String> HEADERS = new LinkedHashMap<>();
    /** Row counts of the real full set (scale 1.0). */
    private static final Map<String, Long> FULL_ROWS = Map.of(
            "product.csv", 1_000_011L, "features.csv", 2_219_279L, "styles.csv", 1_958_102L,
            "photos.csv", 5_655_655L, "skus.csv", 11_323_917L, "related.csv", 4_508_263L);
    private static final String URL = "\"https://images\\.unsplash\\.com/photo-\\d{10,13}-[0-9a-f]{12}"
            + "\\?ixlib=rb-1\\.2\\.1(&ixid=eyJhcHBfaWQiOjEyMDd9)?&auto=format&fit=crop&w=";
    /** Shapes of clean lines, taken from the real files. */
    private static final Map<String, Pattern> SHAPES = Map.of(
            "product.csv", Pattern.compile("\\d+,\"[^\",]+\",\"[^\",]+\",\"[^\",]+\",\"[^\",]+\",\\d+"),
            "features.csv", Pattern.compile("\\d+,\\d+,\"[^\",]+\",(\"[^\",]+\"|null)"),
            "styles.csv", Pattern.compile("\\d+,\\d+,\"[^\",]+\",(null|\\d+),\\d+,[01]"),
            "photos.csv", Pattern.compile("\\d+,\\d+," + URL + "\\d+&q=80\"," + URL + "300&q=80\""),
            "skus.csv", Pattern.compile("\\d+,\\d+,\"[^\",]+\",\\d+"),
            "related.csv", Pattern.compile("\\d+,\\d+,\\d+"));
    private static final Map<String, String> REAL_LINES = Map.of(
            "product.csv", "1,\"Camo Onesie\",\"Blend in to your crowd\",\"The So Fatigues will wake you up and fit you"
                    + " in. This high energy camo will have you blending in to even the wildest surroundings.\","
                    + "\"Jackets\",140",
            "features.csv", "1,1,\"Fabric\",\"Canvas\"",
            "styles.csv", "1,1,\"Forest Green & Black\",null,140,1",
            "photos.csv", "4,1,\"https://images.unsplash.com/photo-1527522883525-97119bfce82d?ixlib=rb-1.2.1&auto=format"
                    + "&fit=crop&w=668&q=80\",\"https://images.unsplash.com/photo-1527522883525-97119bfce82d?ixlib=rb-1.2.1"
                    + "&auto=format&fit=crop&w=300&q=80\"",
            "skus.csv", "1,1,\"XS\",8",
            "related.csv", "1,1,2");

    static {
        for (CatalogFile file : CatalogFile.values()) {
            HEADERS.put(file.fileName(), file.header());
        }
    }

    @TempDir
    static Path tmp;
    private static GenerationReport report;
    private static final Map<String, List<String>> LINES = new LinkedHashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        report = new CatalogGenerator(DirtRates.DEFAULT).generate(tmp.resolve("catalog"), SCALE, 7);
        for (String file : HEADERS.keySet()) {
            LINES.put(file, Files.readAllLines(tmp.resolve("catalog").resolve(file), StandardCharsets.UTF_8));
        }
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedChangesEveryFile() throws Exception {
        CatalogGenerator generator = new CatalogGenerator(DirtRates.DEFAULT);
        generator.generate(tmp.resolve("a"), 0.002, 42);
        generator.generate(tmp.resolve("b"), 0.002, 42);
        generator.generate(tmp.resolve("c"), 0.002, 43);
        for (String file : HEADERS.keySet()) {
            String a = sha256(tmp.resolve("a").resolve(file));
            assertThat(sha256(tmp.resolve("b").resolve(file))).as(file).isEqualTo(a);
            assertThat(sha256(tmp.resolve("c").resolve(file))).as(file).isNotEqualTo(a);
        }
    }

    @Test
    void everyFileStartsWithItsExactHeader() throws IOException {
        assertThat(report.files().keySet()).containsExactlyElementsOf(HEADERS.keySet());
        for (var header : HEADERS.entrySet()) {
            assertThat(lines(header.getKey()).get(0)).isEqualTo(header.getValue());
            String content = Files.readString(tmp.resolve("catalog").resolve(header.getKey()));
            assertThat(content).doesNotContain("\r").endsWith("\n");
        }
    }

    @Test
    void rowCountsFollowTheRealFullSetTimesScaleAndMatchTheReport() {
        for (String file : HEADERS.keySet()) {
            long dataLines = lines(file).size() - 1;
            assertThat(report.files().get(file).dataLines()).as(file).isEqualTo(dataLines);
            assertThat((double) dataLines).as(file).isCloseTo(FULL_ROWS.get(file) * SCALE,
                    within(FULL_ROWS.get(file) * SCALE * 0.10));
        }
        assertThat(lines("product.csv").get(1)).startsWith("1,");
        assertThat(lines("product.csv").get(lines("product.csv").size() - 1)).startsWith(
                Math.round(CatalogGenerator.PRODUCTS_AT_FULL_SCALE * SCALE) + ",");
    }

    @Test
    void everyLineExceptUnclosedQuotesHasItsHeadersFieldCount() {
        for (String file : HEADERS.keySet()) {
            int expected = HEADERS.get(file).split(",").length;
            List<String> data = lines(file).subList(1, lines(file).size());
            long unparseable = data.stream().map(CsvSplitter::split).filter(fields -> fields == null).count();
            assertThat(unparseable).as(file)
                    .isEqualTo(report.files().get(file).dirtLines().getOrDefault("unclosedQuote", 0L));
            assertThat(data).as(file).allSatisfy(line -> {
                List<String> fields = CsvSplitter.split(line);
                if (fields != null) {
                    assertThat(fields).as(line).hasSize(expected);
                }
            });
        }
    }

    @Test
    void cleanLinesHaveTheShapesOfTheRealFiles() {
        for (var shape : SHAPES.entrySet()) {
            assertThat(shape.getValue().matcher(REAL_LINES.get(shape.getKey())).matches()).isTrue();
            List<String> data = lines(shape.getKey()).subList(1, lines(shape.getKey()).size());
            assertThat(data).as(shape.getKey())
                    .filteredOn(line -> !line.contains("\"\"") && line.length() <= 3000 && CsvSplitter.split(line) != null)
                    .hasSizeGreaterThan(data.size() * 9 / 10)
                    .allSatisfy(line -> assertThat(line).matches(shape.getValue()));
        }
    }

    @Test
    void valuesAreRealistic() {
        assertThat(column("product.csv", 5)).allSatisfy(price -> assertThat(Long.parseLong(price)).isBetween(5L, 1000L));
        assertThat(column("skus.csv", 3)).allSatisfy(quantity -> assertThat(Long.parseLong(quantity)).isBetween(0L, 60L));
        assertThat(column("skus.csv", 2)).contains("XS", "XXL", "7.5", "12", "One Size");
        assertThat(column("features.csv", 3)).contains("null", "Canvas");
        List<List<String>> styles = lines("styles.csv").stream().skip(1).map(CsvSplitter::split).toList();
        long onSale = styles.stream().filter(style -> !style.get(3).equals("null")).count();
        assertThat(onSale).isBetween(styles.size() / 5L, styles.size() * 3 / 10L);
        assertThat(styles).filteredOn(style -> !style.get(3).equals("null"))
                .allSatisfy(style -> assertThat(Long.parseLong(style.get(3))).isLessThan(Long.parseLong(style.get(4))));
    }

    private static List<String> column(String file, int index) {
        return lines(file).stream().skip(1).map(CsvSplitter::split)
                .filter(fields -> fields != null).map(fields -> fields.get(index)).toList();
    }

    private static List<String> lines(String file) {
        return LINES.get(file);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
