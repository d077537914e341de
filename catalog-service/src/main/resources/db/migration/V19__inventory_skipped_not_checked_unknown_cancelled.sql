-- Inventories tell apart the copies in scope, those the "seen since" option skipped and those expected; they keep
-- the barcodes the catalog does not know, the copies not checked (on the hold shelf, in transit, in processing) and
-- the copies scanned while on loan; and one started by mistake can be cancelled.
ALTER TABLE inventory ADD COLUMN copies_skipped   BIGINT NOT NULL DEFAULT 0;
ALTER TABLE inventory ADD COLUMN not_checked      BIGINT NOT NULL DEFAULT 0;
ALTER TABLE inventory ADD COLUMN scanned_on_loan  BIGINT NOT NULL DEFAULT 0;
ALTER TABLE inventory ADD COLUMN unknown_barcodes BIGINT NOT NULL DEFAULT 0;
ALTER TABLE inventory ADD COLUMN cancelled_by     TEXT;
ALTER TABLE inventory ADD COLUMN cancelled_at     TIMESTAMPTZ;

-- the copy's status when the inventory finished (why it was not checked; that it is on loan); none for a barcode
-- the catalog does not know
ALTER TABLE inventory_result ADD COLUMN copy_status TEXT;
