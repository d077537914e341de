CREATE TABLE loan (
    id                uuid PRIMARY KEY,
    copy_id           uuid NOT NULL REFERENCES copy (id),
    patron_id         uuid REFERENCES patron (id),          -- null once anonymized
    patron_key        text NOT NULL,                        -- pseudonymous, survives anonymization
    patron_type       text NOT NULL,
    patron_grade      text,
    site_code         text NOT NULL,
    loaned_at         timestamptz NOT NULL,
    due_at            timestamptz NOT NULL,
    renewals          integer NOT NULL DEFAULT 0,
    returned_at       timestamptz,
    returned_at_site  text,
    override_reason   text,
    override_by       text,
    created_by        text NOT NULL,
    version           integer NOT NULL DEFAULT 0
);
-- Two desks on one copy: at most one open loan per copy.
CREATE UNIQUE INDEX loan_open_per_copy ON loan (copy_id) WHERE returned_at IS NULL;
CREATE INDEX loan_open_per_patron ON loan (patron_id) WHERE returned_at IS NULL;
CREATE INDEX loan_open_due ON loan (due_at) WHERE returned_at IS NULL;

-- An answered request, replayed for a retry with the same Idempotency-Key.
CREATE TABLE idempotent_request (
    request_key  text PRIMARY KEY,
    status       integer NOT NULL,
    body         text NOT NULL,
    created_at   timestamptz NOT NULL
);

-- Every supervisor override, for audit.
CREATE TABLE circulation_override (
    id          uuid PRIMARY KEY,
    loan_id     uuid,
    refusal     text NOT NULL,
    reason      text NOT NULL,
    overridden_by text NOT NULL,
    site_code   text NOT NULL,
    at          timestamptz NOT NULL
);
