-- The write model: the six normalized tables of the Atelier catalog, ids kept from the source files.
-- Ingest drops and rebuilds the keys and indexes declared here around its bulk COPY, reading their
-- definitions back from the catalog, so this file stays the only place they are written.

CREATE TABLE products (
    id            bigint        PRIMARY KEY,
    campus        text          NOT NULL DEFAULT 'hr-rfp',
    name          text          NOT NULL,
    slogan        text          NOT NULL,
    description   text          NOT NULL,
    category      text          NOT NULL,
    default_price numeric(10,2) NOT NULL,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    updated_at    timestamptz   NOT NULL DEFAULT now()
);

CREATE TABLE features (
    id         bigint PRIMARY KEY,
    product_id bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    feature    text   NOT NULL,
    value      text
);
CREATE INDEX features_product_id_idx ON features (product_id);

CREATE TABLE styles (
    id             bigint        PRIMARY KEY,
    product_id     bigint        NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    name           text          NOT NULL,
    original_price numeric(10,2) NOT NULL,
    sale_price     numeric(10,2),
    is_default     boolean       NOT NULL
);
CREATE INDEX styles_product_id_idx ON styles (product_id);

CREATE TABLE photos (
    id            bigint PRIMARY KEY,
    style_id      bigint NOT NULL REFERENCES styles (id) ON DELETE CASCADE,
    url           text   NOT NULL,
    thumbnail_url text   NOT NULL
);
CREATE INDEX photos_style_id_idx ON photos (style_id);

CREATE TABLE skus (
    id       bigint  PRIMARY KEY,
    style_id bigint  NOT NULL REFERENCES styles (id) ON DELETE CASCADE,
    size     text    NOT NULL,
    quantity integer NOT NULL CHECK (quantity >= 0)
);
CREATE INDEX skus_style_id_idx ON skus (style_id);

CREATE TABLE related (
    id                 bigint PRIMARY KEY,
    product_id         bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    related_product_id bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE
);
CREATE INDEX related_product_id_idx ON related (product_id);
CREATE INDEX related_related_product_id_idx ON related (related_product_id);

-- Every source line the ingest could not load, with the reason, so nothing is dropped silently.
CREATE TABLE ingest_rejects (
    file        text   NOT NULL,
    line_number bigint NOT NULL,
    reason      text   NOT NULL,
    detail      text   NOT NULL,
    raw         text   NOT NULL,
    PRIMARY KEY (file, line_number)
);
