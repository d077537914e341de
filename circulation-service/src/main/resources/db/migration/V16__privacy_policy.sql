-- The district's privacy policy for closed loans: how many days a returned loan keeps its patron (0, the default:
-- anonymized at check-in once nothing is owed). One row, edited through /api/v1/privacy-policy.
CREATE TABLE privacy_policy (
    id                     int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    keep_closed_loans_days int NOT NULL DEFAULT 0 CHECK (keep_closed_loans_days BETWEEN 0 AND 3650),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    updated_by             text
);
INSERT INTO privacy_policy (id) VALUES (1);

-- The nightly run finds closed loans still linked to a patron by return time (few: by default none for long).
CREATE INDEX loan_closed_linked_by_return ON loan (returned_at) WHERE returned_at IS NOT NULL AND patron_id IS NOT NULL;
