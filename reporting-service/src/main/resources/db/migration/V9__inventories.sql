-- Finished inventories from catalog.inventories.v1 (InventoryFinished): when, what scope, and the counts the
-- catalog published. The copies themselves (which were missing) stay in the catalog.
CREATE TABLE inventory (
    inventory_id      UUID PRIMARY KEY,
    site_code         TEXT NOT NULL,
    scope_description TEXT,
    started_at        TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ NOT NULL,
    finished_on       DATE NOT NULL,
    copies_in_scope   BIGINT NOT NULL,
    scanned           BIGINT NOT NULL,
    missing           BIGINT NOT NULL,
    found             BIGINT NOT NULL,
    misplaced         BIGINT NOT NULL
);
CREATE INDEX inventory_site_idx ON inventory (site_code, finished_on);
CREATE INDEX inventory_finished_idx ON inventory (finished_on);
