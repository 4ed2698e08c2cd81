-- The write path at store scale (docs/architecture.md#the-write-path).

-- No NOTIFY per write: PostgreSQL serializes every notifying commit on one global lock, which capped
-- concurrent writers. The instance that commits an outbox row wakes its own relay after the commit
-- (OutboxRelayLoop); the relay's poll remains the safety net for everything else.
DROP TRIGGER outbox_inserted ON outbox;
DROP FUNCTION notify_outbox();

-- Bulk writes (PATCH /admin/skus, /admin/styles) record their changes in a lane of their own, which the
-- relay takes after the single writes: a whole-catalog price change does not queue a stock change behind it.
ALTER TABLE outbox ADD COLUMN bulk boolean NOT NULL DEFAULT false;
CREATE INDEX outbox_lane ON outbox (bulk, id);

-- The outbox is inserted into and deleted from with every write: vacuum it after every thousand dead
-- rows rather than a fifth of the table, so the relay's index scan does not walk over dead entries.
ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
                        autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 1000);

-- Room on each page for an updated row's new version next to the old one: the update is then HOT (no
-- new index entries) instead of a move to another page with an entry in every index. Bulk-loaded pages
-- were full; ingest and rebuilds fill pages to these factors from now on.
ALTER TABLE skus SET (fillfactor = 90);
ALTER TABLE styles SET (fillfactor = 90);
ALTER TABLE products SET (fillfactor = 90);
ALTER TABLE product_documents SET (fillfactor = 70);

-- Each reprojection rewrites a product's documents; lz4 compresses them several times faster than
-- pglz (the default), and decompresses a read table read on a Redis miss faster too.
ALTER TABLE product_documents ALTER COLUMN summary SET COMPRESSION lz4, ALTER COLUMN product SET COMPRESSION lz4,
    ALTER COLUMN styles SET COMPRESSION lz4, ALTER COLUMN related SET COMPRESSION lz4;
