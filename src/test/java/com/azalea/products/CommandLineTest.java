package com.azalea.products;

import static org.assertj.core.api.Assertions.assertThat;

import com.azalea.products.generate.DirtRates;
import com.azalea.products.system.CliErrors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input on the command line ends with one clear message and a non-zero exit, never a stack trace. */
class CommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = AzaleaCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpExplainsEveryIngestOption() {
        assertThat(run("ingest", "--help")).isZero();
        assertThat(out.toString()).contains("--dir=DIR", "--no-project", "ingest_rejects", "Exit codes");
    }

    @Test
    void ingestOfAMissingDirectoryFails() {
        assertThat(run("ingest", "--dir", "/no/such/dir")).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("error: not a directory: /no/such/dir\n");
    }

    @Test
    void ingestNamesEveryMissingFileAndWrongHeader(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("product.csv"), "id,title,slogan\n1,\"x\",\"y\"\n");
        assertThat(run("ingest", "--dir", dir.toString())).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(err.toString())
                .contains("product.csv: header is 'id,title,slogan', expected 'id,name,slogan,description,category,default_price'")
                .contains("features.csv: missing", "related.csv: missing")
                .doesNotContain("Exception");
    }

    @Test
    void ingestWithAnUnreachableDatabaseFails(@TempDir Path dir) throws Exception {
        for (var file : com.azalea.products.ingest.SourceFile.values()) {
            Files.writeString(dir.resolve(file.fileName()), String.join(",", file.header()) + "\n");
        }
        int exit = run("ingest", "--dir", dir.toString(), "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere");
        assertThat(exit).isEqualTo(CliErrors.DATABASE_UNREACHABLE);
        assertThat(err.toString()).startsWith("error: cannot reach the database").doesNotContain("\tat ");
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        assertThat(run("ingest", "--dir", ".", "--bogus")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Unknown option or parameter: '--bogus'");
    }

    @Test
    void generateHelpStatesEveryDirtRate() {
        assertThat(run("generate", "--help")).isZero();
        DirtRates rates = DirtRates.DEFAULT;
        for (double rate : new double[] {rates.duplicateId(), rates.missingParent(), rates.relatedZero(), rates.relatedDangling(),
                rates.unclosedQuote(), rates.overlongThumbnail(), rates.quotedPunctuation()}) {
            assertThat(out.toString()).contains(" " + BigDecimal.valueOf(rate * 100).stripTrailingZeros().toPlainString() + "% ");
        }
    }

    @Test
    void generateRefusesANonPositiveScale(@TempDir Path dir) {
        assertThat(run("generate", "--out", dir.toString(), "--scale", "0")).isEqualTo(CliErrors.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("error: --scale must be greater than 0 and at most 100, was 0.0\n");
    }
}
