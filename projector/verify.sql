-- Compares the documents defined in documents.sql (which the verifier puts in first) with what
-- product_documents holds, product by product, and returns what Redis should hold for each.
${documents},
stored AS (
    SELECT * FROM product_documents WHERE product_id ${ids}
)
SELECT coalesce(d.product_id, s.product_id) AS product_id,
       d.version,
       CASE WHEN s.product_id IS NULL THEN 'missing'
            WHEN d.product_id IS NULL THEN 'extra'
            WHEN (d.version, d.summary, d.product, d.styles, d.related)
                 IS NOT DISTINCT FROM (s.version, s.summary, s.product, s.styles, s.related) THEN 'equal'
            ELSE 'differing'
       END AS in_table,
       d.summary::text AS summary,
       cached_document(d.version, d.product) AS product,
       cached_document(d.version, d.styles) AS styles,
       cached_document(d.version, d.related) AS related
FROM documents d
FULL JOIN stored s ON s.product_id = d.product_id
