-- The read documents of the chosen products, as a list of common table expressions that a statement of
-- the caller's follows: store.sql (projection), the verifier, the read-time baseline. The condition on
-- ids is "BETWEEN :first_id AND :last_id" (ranges), "= ANY (:ids)" (batches) or "= :id" (one product).
-- Set-based: one statement per range, never one query per product. A CTE no final statement names is
-- never run, so a caller that needs one document computes only that one. See README.md beside this file.
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
               -- the hosted Atelier API's answer, which front-ends read photos[0] of without a guard
               'photos', coalesce(pl.photos, '[{"thumbnail_url": null, "url": null}]'::jsonb),
               -- not its {"null": {...}} placeholder, which shows a size called "null"
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
product_document AS (
    SELECT p.id AS product_id, p.summary || jsonb_build_object('features', coalesce(fl.features, '[]'::jsonb)) AS product
    FROM product p
    LEFT JOIN feature_list fl ON fl.product_id = p.id
),
styles_document AS (
    SELECT p.id AS product_id, jsonb_build_object('product_id', p.id::text, 'results', coalesce(sl.results, '[]'::jsonb)) AS styles
    FROM product p
    LEFT JOIN style_list sl ON sl.product_id = p.id
),
related_document AS (
    SELECT p.id AS product_id, coalesce(rl.related, '[]'::jsonb) AS related
    FROM product p
    LEFT JOIN related_list rl ON rl.product_id = p.id
),
-- A deleted product is a tombstone: the version of its deletion and no documents (see V5).
deleted AS (
    SELECT x.id AS product_id, x.version
    FROM deleted_products x
    WHERE x.id ${ids}
      AND NOT EXISTS (SELECT 1 FROM products p WHERE p.id = x.id)
),
documents AS (
    SELECT p.id AS product_id, p.version, p.summary, pd.product, sd.styles, rd.related
    FROM product p
    JOIN product_document pd ON pd.product_id = p.id
    JOIN styles_document sd ON sd.product_id = p.id
    JOIN related_document rd ON rd.product_id = p.id
    UNION ALL
    SELECT product_id, version, NULL, NULL, NULL, NULL
    FROM deleted
)
