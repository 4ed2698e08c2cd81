package com.azalea.products.projection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.DigestUtils;

/**
 * Statements built on the one definition of the documents, {@code projector/documents.sql}: a
 * statement names it as {@code ${documents}} and follows it with what it does with them (store,
 * compare, answer a read), for the products its {@link Ids} condition selects.
 */
public final class DocumentStatements {

    /** Which products a statement covers, and the parameters it takes for that. */
    public enum Ids {
        /** {@code :first_id} to {@code :last_id}: the fastest plan for consecutive ids. */
        RANGE("BETWEEN :first_id AND :last_id"),
        /** {@code :ids}, a PostgreSQL array literal such as {@code {4,8,15}} ({@link #arrayLiteral}). */
        LIST("= ANY (CAST(:ids AS bigint[]))"),
        /** {@code :id}. */
        ONE("= :id");

        private final String condition;

        Ids(String condition) {
            this.condition = condition;
        }
    }

    private static final String DEFINITIONS = load("projector/documents.sql");

    /**
     * A digest of the definitions' statements, comments and blank lines aside: it changes exactly when
     * the documents they build may change ({@link FullRebuild#shapeIsCurrent()}).
     */
    static final String SHAPE = DigestUtils.md5DigestAsHex(DEFINITIONS.lines()
            .map(line -> line.replaceFirst("--.*", "").strip())
            .filter(line -> !line.isEmpty())
            .collect(Collectors.joining("\n"))
            .getBytes(StandardCharsets.UTF_8));

    private DocumentStatements() {
    }

    public static String compose(String statement, Ids ids) {
        return statement.replace("${documents}", DEFINITIONS).replace("${ids}", ids.condition);
    }

    /**
     * The value of an array parameter, such as {@code :ids} for {@link Ids#LIST}: a PostgreSQL array literal
     * of numbers ({@code {4,8,15}}; a null is NULL), cast by the statement. One statement text whatever the
     * number of values, so it is prepared and planned once.
     */
    public static String arrayLiteral(Collection<?> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    public static String load(String resource) {
        try {
            return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the statement " + resource + " is missing from the build", e);
        }
    }
}
