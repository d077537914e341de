-- An anonymized loan keeps nothing that leads back to its patron: not the patron id, not the pseudonymous key
-- (this service holds the key's secret, so it could recompute every patron's key), and its notices lose the loan.
-- Statistics keep what they need: site, patron type, grade, copy and dates stay on the loan row.
ALTER TABLE loan ALTER COLUMN patron_key DROP NOT NULL;
UPDATE loan SET patron_key = NULL WHERE patron_id IS NULL AND returned_at IS NOT NULL;
UPDATE notice n SET loan_id = NULL
FROM loan l WHERE n.loan_id = l.id AND l.patron_id IS NULL AND l.returned_at IS NOT NULL;
