-- A loan circulation anonymized (LoanAnonymized) loses its patron_key here too. Distinct borrowers are counted by
-- borrower, a keyed digest of the patron key (reporting.borrower-key-secret) that survives anonymization and cannot
-- be joined to the patron table without the secret; rows from before this column fall back to patron_key.
ALTER TABLE loan ADD COLUMN borrower TEXT;
