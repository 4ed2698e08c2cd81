-- Which definition of the documents (projector/documents.sql) the read model was built with: a digest
-- of its statements, recorded by each full rebuild. A service that starts with another definition
-- rebuilds every document in place, so an upgrade that changes a document's shape needs no manual step.
-- No row yet: documents built before this table existed are rebuilt at the next start.
CREATE TABLE read_model_shape (
    only_row   boolean     PRIMARY KEY DEFAULT true CHECK (only_row),
    digest     text        NOT NULL,
    rebuilt_at timestamptz NOT NULL DEFAULT now()
);
