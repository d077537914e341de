-- The privacy policy extends to holds and fees. A closed hold (filled, cancelled, expired) keeps its patron for
-- keep_closed_holds_days (0: until the next nightly run), then loses patron id and key; title, copy, pickup site,
-- patron type and grade, status and dates stay for statistics. A settled fee (paid, waived, cancelled, refunded)
-- keeps its patron for keep_settled_fees_days after its last payment or waiver (the district's money trail), then
-- loses the patron; amount, balance, kind, site, loan, copy, dates and its transactions stay for the ledger.
ALTER TABLE privacy_policy
    ADD COLUMN keep_closed_holds_days int NOT NULL DEFAULT 0 CHECK (keep_closed_holds_days BETWEEN 0 AND 3650),
    ADD COLUMN keep_settled_fees_days int NOT NULL DEFAULT 365 CHECK (keep_settled_fees_days BETWEEN 0 AND 3650);

ALTER TABLE hold ALTER COLUMN patron_id DROP NOT NULL;
ALTER TABLE hold ALTER COLUMN patron_key DROP NOT NULL;
ALTER TABLE fee ALTER COLUMN patron_id DROP NOT NULL;

-- The nightly run finds closed holds and settled fees still linked to a patron (few once it has run).
CREATE INDEX hold_closed_linked ON hold (closed_at) WHERE closed_at IS NOT NULL AND patron_id IS NOT NULL;
CREATE INDEX fee_settled_linked ON fee (created_at) WHERE status <> 'OPEN' AND patron_id IS NOT NULL;
-- A hold's notices are found by the hold: a hold returned to the queue withdraws its pending hold-available notice,
-- and an anonymized hold's or detached fee's notices forget it (as an anonymized loan's do).
CREATE INDEX notice_hold ON notice (hold_id) WHERE hold_id IS NOT NULL;
CREATE INDEX notice_fee ON notice (fee_id) WHERE fee_id IS NOT NULL;
