-- The audit trail: every admin write, who made it and what it set, committed with the write itself.
-- Read newest first by product (GET /admin/audit?product_id=) or by actor (?actor=); trimmed by age.
CREATE TABLE admin_audit (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    -- the token's subject (a JWT's sub), or static-token
    actor       text        NOT NULL,
    -- method and path template, e.g. PATCH /admin/skus/{id}
    operation   text        NOT NULL,
    -- what ids names: product, feature, style, photo, sku or related
    kind        text        NOT NULL,
    -- the rows it created, changed or deleted
    ids         bigint[]    NOT NULL,
    -- the products whose documents it changed
    product_ids bigint[]    NOT NULL,
    -- the fields it set, as the API names them (a bulk write: its items), in the order written; none for a deletion
    fields      json
);

CREATE INDEX admin_audit_product ON admin_audit USING gin (product_ids);
CREATE INDEX admin_audit_actor ON admin_audit (actor, id);
-- rows arrive in time order: a block range index finds the old ones to trim at almost no cost per write
CREATE INDEX admin_audit_at ON admin_audit USING brin (at);
