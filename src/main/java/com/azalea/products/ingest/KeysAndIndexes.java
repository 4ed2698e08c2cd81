package com.azalea.products.ingest;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The primary keys, foreign keys and indexes of the catalog tables, read back from PostgreSQL's catalog
 * so ingest can drop them before COPY and rebuild them after, while the migrations stay their only
 * definition.
 */
final class KeysAndIndexes {

    private static final String KEYS = """
            SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS drop_ddl,
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname,
                          pg_get_constraintdef(c.oid)) AS create_ddl
            FROM pg_constraint c
            WHERE c.contype = :type
              AND (c.conrelid = ANY (CAST(:tables AS regclass[])) OR c.confrelid = ANY (CAST(:tables AS regclass[])))
            ORDER BY c.conname
            """;

    private static final String INDEXES = """
            SELECT format('DROP INDEX %s', i.indexrelid::regclass) AS drop_ddl,
                   pg_get_indexdef(i.indexrelid) AS create_ddl
            FROM pg_index i
            WHERE i.indrelid = ANY (CAST(:tables AS regclass[]))
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))
            ORDER BY 1
            """;

    record Ddl(String dropDdl, String createDdl) {
    }

    private final List<Ddl> primaryKeys;
    private final List<Ddl> uniqueKeys;
    private final List<Ddl> indexes;
    private final List<Ddl> foreignKeys;

    private KeysAndIndexes(JdbcClient jdbc, List<String> tables) {
        String tableArray = "{" + String.join(",", tables) + "}";
        primaryKeys = keys(jdbc, "p", tableArray);
        uniqueKeys = keys(jdbc, "u", tableArray);
        foreignKeys = keys(jdbc, "f", tableArray);
        indexes = jdbc.sql(INDEXES).param("tables", tableArray).query(Ddl.class).list();
    }

    static KeysAndIndexes of(JdbcClient jdbc, List<String> tables) {
        return new KeysAndIndexes(jdbc, tables);
    }

    private static List<Ddl> keys(JdbcClient jdbc, String type, String tables) {
        return jdbc.sql(KEYS).param("type", type).param("tables", tables).query(Ddl.class).list();
    }

    /** Foreign keys first: they depend on the primary keys. */
    void drop(JdbcClient jdbc) {
        for (List<Ddl> group : List.of(foreignKeys, indexes, uniqueKeys, primaryKeys)) {
            group.forEach(ddl -> jdbc.sql(ddl.dropDdl()).update());
        }
    }

    /** The reverse order; building a key over loaded rows is much faster than maintaining it per row. */
    void create(JdbcClient jdbc) {
        for (List<Ddl> group : List.of(primaryKeys, uniqueKeys, indexes, foreignKeys)) {
            group.forEach(ddl -> jdbc.sql(ddl.createDdl()).update());
        }
    }
}
