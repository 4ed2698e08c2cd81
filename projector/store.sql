-- Stores the documents defined in documents.sql (which the projector puts in first) in product_documents
-- and returns what Redis mirrors. A deleted product's row becomes a tombstone (its deletion's version, no
-- documents); a row that neither a product nor a recorded deletion explains (its catalog was replaced by
-- a new ingest) is deleted.
${documents},
gone AS (
    DELETE FROM product_documents d
    WHERE d.product_id ${ids}
      AND NOT EXISTS (SELECT 1 FROM products p WHERE p.id = d.product_id)
      AND NOT EXISTS (SELECT 1 FROM deleted_products x WHERE x.id = d.product_id)
    RETURNING d.product_id
),
stored AS (
    INSERT INTO product_documents AS d (product_id, version, summary, product, styles, related, projected_at)
    SELECT product_id, version, summary, product, styles, related, now()
    FROM documents
    ON CONFLICT (product_id) DO UPDATE
        SET version = excluded.version, summary = excluded.summary, product = excluded.product,
            styles = excluded.styles, related = excluded.related, projected_at = excluded.projected_at
        WHERE d.version <= excluded.version
    RETURNING d.product_id, d.version, d.summary::text AS summary,
              cached_document(d.version, d.product) AS product, cached_document(d.version, d.styles) AS styles,
              cached_document(d.version, d.related) AS related
)
SELECT product_id, version, summary, product, styles, related FROM stored
UNION ALL
SELECT product_id, NULL, NULL, NULL, NULL, NULL FROM gone
