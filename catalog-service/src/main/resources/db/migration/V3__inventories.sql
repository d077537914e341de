-- Inventories: a site (or part of it) checked against the shelves. Several partial inventories may run at once.
CREATE TABLE inventory (
    id                UUID PRIMARY KEY,
    site_code         TEXT        NOT NULL REFERENCES site (code),
    status            TEXT        NOT NULL,
    call_number_from  TEXT,
    call_number_to    TEXT,
    circulation_type  TEXT,
    shelf_location    TEXT,
    -- copies seen (scanned or checked in) since then count as present
    skip_seen_since   TIMESTAMPTZ,
    started_by        TEXT        NOT NULL,
    started_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,
    copies_in_scope   BIGINT      NOT NULL DEFAULT 0,
    scanned           BIGINT      NOT NULL DEFAULT 0,
    missing           BIGINT      NOT NULL DEFAULT 0,
    found             BIGINT      NOT NULL DEFAULT 0,
    misplaced         BIGINT      NOT NULL DEFAULT 0,
    version           INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX inventory_site_idx ON inventory (site_code, started_at DESC);

-- Every barcode scanned in an inventory (a scan gun may send the same one twice: it counts once).
CREATE TABLE inventory_scan (
    inventory_id  UUID        NOT NULL REFERENCES inventory (id),
    barcode       TEXT        NOT NULL,
    scanned_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (inventory_id, barcode)
);

-- What the finished inventory found: missing, found and misplaced copies, for the reports.
CREATE TABLE inventory_result (
    inventory_id    UUID NOT NULL REFERENCES inventory (id),
    kind            TEXT NOT NULL,
    barcode         TEXT NOT NULL,
    copy_id         UUID,
    title           TEXT,
    call_number     TEXT,
    shelf_location  TEXT,
    -- for misplaced copies: the site they belong to
    site_code       TEXT,
    PRIMARY KEY (inventory_id, kind, barcode)
);
