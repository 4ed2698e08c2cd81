package com.azalea.products.ingest;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Service;

/**
 * Replaces the whole write model with the content of a source directory, in one transaction: the
 * catalog is either the new one, complete with keys and indexes, or the previous one untouched.
 */
@Service
public class CatalogIngest {

    private static final Logger log = LoggerFactory.getLogger(CatalogIngest.class);

    /** Called before each file; lets a caller watch or interrupt a run. */
    public interface Listener {
        void beforeFile(SourceFile file);
    }

    private final DataSource dataSource;

    public CatalogIngest(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public IngestReport ingest(SourceDirectory source) {
        return ingest(source, file -> log.info("loading {}", file.fileName()));
    }

    public IngestReport ingest(SourceDirectory source, Listener listener) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                IngestReport report = ingest(connection, source, listener, started);
                connection.commit();
                return report;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new IngestFailedException("ingest failed, the previous catalog is unchanged: " + e.getMessage(), e);
        }
    }

    private IngestReport ingest(Connection connection, SourceDirectory source, Listener listener, long started)
            throws SQLException, IOException {
        var jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        jdbc.sql("SET LOCAL maintenance_work_mem = '1GB'").update();
        List<String> tables = SourceFile.tables();
        var keys = KeysAndIndexes.of(jdbc, tables);
        keys.drop(jdbc);
        // the deletions recorded belong to the catalog being replaced (TRUNCATE fires no delete trigger)
        jdbc.sql("TRUNCATE " + String.join(", ", tables) + ", ingest_rejects, deleted_products").update();

        // created_at: the same files give the same rows. version: a new one from the catalog's sequence,
        // past every projected document, so the rebuild after this load replaces them all.
        String loadedAt = source.lastModified().atOffset(ZoneOffset.UTC).toString();
        long version = jdbc.sql("SELECT nextval('catalog_version')").query(Long.class).single();
        List<String> stamps = List.of(loadedAt, loadedAt, Long.toString(version));
        var loader = new FileLoader(connection.unwrap(PGConnection.class), new RowChecks());
        List<FileResult> results = new ArrayList<>();
        for (SourceFile file : SourceFile.values()) {
            listener.beforeFile(file);
            results.add(loader.load(file, source.files().get(file), stamps));
        }

        long keysStarted = System.nanoTime();
        log.info("building keys and indexes");
        keys.create(jdbc);
        for (String table : tables) { // admin writes take new ids after the loaded ones
            jdbc.sql("SELECT setval(pg_get_serial_sequence(:table, 'id'), coalesce(max(id), 0) + 1, false) FROM " + table)
                    .param("table", table).query().singleRow();
        }
        jdbc.sql("ANALYZE " + String.join(", ", tables)).update();
        long now = System.nanoTime();
        return new IngestReport(results, Duration.ofNanos(now - keysStarted), Duration.ofNanos(now - started));
    }
}
