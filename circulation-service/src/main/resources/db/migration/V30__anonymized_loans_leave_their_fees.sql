-- An anonymized loan's fees forget it too: a fee kept its loan (and the loan's copy) after the loan lost its patron,
-- so the fee's patron still led to what they borrowed (fee.patron_id -> fee.loan_id -> loan.copy_id, or straight to
-- fee.copy_id). LoanPrivacy now drops both in the statement that anonymizes the loan (its fees are all settled then);
-- this does it for the loans anonymized before, and for fees whose loan row is gone. Amount, balance, status, kind,
-- site, note, dates and the fee's transactions (receipts, desks) stay for the ledger and statistics. A loan still
-- linked to its patron (open, or closed and kept by the privacy policy or by an open fee of its own) keeps its fees'
-- links: a lost copy that comes back still finds its LOST fee to refund through its open loan.
UPDATE fee f SET loan_id = NULL, copy_id = NULL
WHERE f.loan_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM loan l WHERE l.id = f.loan_id AND l.patron_id IS NOT NULL);
