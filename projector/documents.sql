-- Builds and stores the documents of the products whose ids match ${ids}: the projector puts in either
-- "BETWEEN :first_id AND :last_id" (the full rebuild's ranges) or "= ANY (:ids)" (a batch of changes).
-- Set-based: one statement per range, never one query per product. See README.md beside this file.
WITH product AS (
    SELECT p.*,
           jsonb_build_object(
               'id', p.id,
               'campus', p.campus,
               'name', p.name,
               'slogan', p.slogan,
               'description', p.description,
               'category', p.category,
               'default_price', p.default_price::text,
               'created_at', to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'updated_at', to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
           ) AS summary
    FROM products p
    WHERE p.id ${ids}
),
feature_list AS (
    SELECT f.product_id,
           jsonb_agg(jsonb_build_object('feature', f.feature, 'value', f.value) ORDER BY f.id) AS features
    FROM features f
    WHERE f.product_id ${ids}
    GROUP BY f.product_id
),
style AS (
    SELECT s.*
    FROM styles s
    WHERE s.product_id ${ids}
),
photo_list AS (
    SELECT ph.style_id,
           jsonb_agg(jsonb_build_object('thumbnail_url', ph.thumbnail_url, 'url', ph.url) ORDER BY ph.id) AS photos
    FROM photos ph
    JOIN style s ON s.id = ph.style_id
    GROUP BY ph.style_id
),
sku_map AS (
    SELECT k.style_id,
           jsonb_object_agg(k.id::text, jsonb_build_object('quantity', k.quantity, 'size', k.size)) AS skus
    FROM skus k
    JOIN style s ON s.id = k.style_id
    GROUP BY k.style_id
),
style_list AS (
    SELECT s.product_id,
           jsonb_agg(jsonb_build_object(
               'style_id', s.id,
               'name', s.name,
               'original_price', s.original_price::text,
               'sale_price', s.sale_price::text,
               'default?', s.is_default,
               'photos', coalesce(pl.photos, '[]'::jsonb),
               'skus', coalesce(sm.skus, '{}'::jsonb)
           ) ORDER BY s.id) AS results
    FROM style s
    LEFT JOIN photo_list pl ON pl.style_id = s.id
    LEFT JOIN sku_map sm ON sm.style_id = s.id
    GROUP BY s.product_id
),
related_list AS (
    SELECT r.product_id, jsonb_agg(r.related_product_id ORDER BY r.id) AS related
    FROM related r
    WHERE r.product_id ${ids}
    GROUP BY r.product_id
),
gone AS (
    DELETE FROM product_documents d
    WHERE d.product_id ${ids}
      AND NOT EXISTS (SELECT 1 FROM product p WHERE p.id = d.product_id)
    RETURNING d.product_id
),
stored AS (
    INSERT INTO product_documents AS d (product_id, version, summary, product, styles, related, projected_at)
    SELECT p.id,
           p.version,
           p.summary,
           p.summary || jsonb_build_object('features', coalesce(fl.features, '[]'::jsonb)),
           jsonb_build_object('product_id', p.id::text, 'results', coalesce(sl.results, '[]'::jsonb)),
           coalesce(rl.related, '[]'::jsonb),
           now()
    FROM product p
    LEFT JOIN feature_list fl ON fl.product_id = p.id
    LEFT JOIN style_list sl ON sl.product_id = p.id
    LEFT JOIN related_list rl ON rl.product_id = p.id
    ON CONFLICT (product_id) DO UPDATE
        SET version = excluded.version, summary = excluded.summary, product = excluded.product,
            styles = excluded.styles, related = excluded.related, projected_at = excluded.projected_at
        WHERE d.version <= excluded.version
    RETURNING d.product_id, d.version, cached_document(d.version, d.product) AS product,
              cached_document(d.version, d.styles) AS styles, cached_document(d.version, d.related) AS related
)
SELECT product_id, version, product, styles, related FROM stored
UNION ALL
SELECT product_id, NULL, NULL, NULL, NULL FROM gone
