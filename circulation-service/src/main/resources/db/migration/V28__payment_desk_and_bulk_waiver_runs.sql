-- The site (desk) where a payment was taken or a refund handed back; the staff member is by_user already. The
-- finance's ledger totals per desk site. Rows booked before have none (the desk was not recorded): the ledger counts
-- them at the fee's site, as it did. Waivers move no money: none. A nullable column without a default: no rewrite.
ALTER TABLE fee_transaction ADD COLUMN desk_site text REFERENCES site (code);

-- A year-end bulk waiver runs 500 patrons per transaction; each of its waivers names its run, so a retry after a
-- crash part-way (same Idempotency-Key, same run) goes on where it stopped and its answer counts what the run waived.
ALTER TABLE fee_transaction ADD COLUMN bulk_waiver_id uuid;
CREATE INDEX fee_transaction_bulk_waiver ON fee_transaction (bulk_waiver_id) WHERE bulk_waiver_id IS NOT NULL;
