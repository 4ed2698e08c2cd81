-- A deleted product keeps a version, so its deletion is ordered against every projection like any
-- other change: a projection that read the product before it was deleted carries an older version
-- than the deletion and cannot bring its documents back, in the read table or in Redis.

-- The write model remembers each deletion with a version from the catalog's sequence. A trigger,
-- so every way of deleting a product (the admin API, plain SQL) is recorded.
CREATE TABLE deleted_products (
    id         bigint      PRIMARY KEY,
    version    bigint      NOT NULL,
    deleted_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION record_deleted_product() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO deleted_products (id, version) VALUES (OLD.id, nextval('catalog_version'))
    ON CONFLICT (id) DO UPDATE SET version = excluded.version, deleted_at = excluded.deleted_at;
    RETURN NULL;
END
$$;

CREATE TRIGGER product_deleted AFTER DELETE ON products FOR EACH ROW EXECUTE FUNCTION record_deleted_product();

-- Products already deleted whose documents are still stored (their reprojection is pending).
INSERT INTO deleted_products (id, version)
SELECT d.product_id, nextval('catalog_version') FROM product_documents d
WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = d.product_id);

-- The read model keeps a deleted product as a tombstone row: its version and no documents.
ALTER TABLE product_documents
    ALTER COLUMN summary DROP NOT NULL,
    ALTER COLUMN product DROP NOT NULL,
    ALTER COLUMN styles DROP NOT NULL,
    ALTER COLUMN related DROP NOT NULL,
    ADD CONSTRAINT documents_or_tombstone CHECK (num_nulls(summary, product, styles, related) IN (0, 4));

-- The list walks the products that exist; the offset is still skipped on an index alone.
CREATE INDEX product_documents_listed ON product_documents (product_id) WHERE summary IS NOT NULL;

-- A tombstone as a cache holds it: the ETag line ("<version>-deleted") and an empty body. Readers
-- answer 404 for an empty body; Redis compares its version like any document's.
CREATE OR REPLACE FUNCTION cached_document(version bigint, document jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT '"' || version || '-' || coalesce(md5(text) || '"' || chr(10) || text, 'deleted"' || chr(10))
          FROM (SELECT document::text) AS rendered (text) $$;
