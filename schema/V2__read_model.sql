-- The read model: each product's documents, built by the projector (projector/*.sql) and mirrored to
-- Redis. A GET never joins: it reads one key, or on a miss one row of this table by primary key.

-- Raised by every admin write in the product's transaction (see V3); a document carries the version it
-- was built from, so a late projection never replaces a newer document.
ALTER TABLE products ADD COLUMN version bigint NOT NULL DEFAULT 1;

CREATE TABLE product_documents (
    product_id   bigint      PRIMARY KEY,
    version      bigint      NOT NULL,
    summary      jsonb       NOT NULL, -- the entry of GET /products
    product      jsonb       NOT NULL, -- GET /products/{id}
    styles       jsonb       NOT NULL, -- GET /products/{id}/styles
    related      jsonb       NOT NULL, -- GET /products/{id}/related
    projected_at timestamptz NOT NULL DEFAULT now()
);

-- What a cache holds for one document: its ETag, a newline, then the JSON bytes, so a reader answers
-- (and answers If-None-Match) without parsing. The ETag is "<version>-<digest of the document>", fixed
-- when it is projected (a refill after a cache miss derives the same value from the same row); the
-- version in front lets Redis refuse to replace a document with an older one.
CREATE FUNCTION cached_document(version bigint, document jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT '"' || version || '-' || md5(text) || '"' || chr(10) || text FROM (SELECT document::text) AS rendered (text) $$;
