-- The ledger is read back: a receipt by its number (reprints), and a period's payments and refunds across
-- patrons (the district's finance). A patron's own ledger reads by fee (fee_patron, fee_transaction_fee).
CREATE INDEX fee_transaction_receipt ON fee_transaction (receipt_no);
CREATE INDEX fee_transaction_at ON fee_transaction (at);
