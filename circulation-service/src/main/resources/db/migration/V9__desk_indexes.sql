-- Check-in anonymizes the patron's settled closed loans: find them without scanning every loan.
CREATE INDEX loan_closed_per_patron ON loan (patron_id) WHERE returned_at IS NOT NULL AND patron_id IS NOT NULL;
-- Fees by loan (a returned lost item refunds its fee).
CREATE INDEX fee_loan ON fee (loan_id) WHERE loan_id IS NOT NULL;
-- The matrix rules that can apply at a site.
CREATE INDEX circulation_policy_site ON circulation_policy (site_code);
