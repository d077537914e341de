-- Circulation's holds on copies, in any order of arrival: the time of the newest loan or hold event applied to the
-- copy (an older one is ignored) and the hold the copy is set aside for (on the hold shelf or on its way there).
ALTER TABLE copy ADD COLUMN circulation_at TIMESTAMPTZ;
ALTER TABLE copy ADD COLUMN hold_id UUID;
CREATE INDEX copy_hold_idx ON copy (hold_id) WHERE hold_id IS NOT NULL;

-- Acquisitions receipts: the order line a copy was received on, and each receipt line taken in once (a redelivered
-- ItemsReceived adds no copy twice, even under a new event id).
ALTER TABLE copy ADD COLUMN receipt_line_id UUID;
CREATE TABLE receipt_line (
    receipt_line_id  UUID PRIMARY KEY,
    receipt_id       UUID        NOT NULL,
    order_id         UUID,
    order_line_id    UUID,
    title_id         UUID        NOT NULL REFERENCES title (id),
    site_code        TEXT        NOT NULL REFERENCES site (code),
    quantity         INTEGER     NOT NULL,
    received_on      DATE,
    processed_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX copy_receipt_line_idx ON copy (receipt_line_id) WHERE receipt_line_id IS NOT NULL;
