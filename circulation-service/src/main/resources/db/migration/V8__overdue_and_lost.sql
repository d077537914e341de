-- The daily sweep: how far a loan went through the overdue stages, and when it was declared lost.
ALTER TABLE loan ADD COLUMN overdue_stage integer NOT NULL DEFAULT 0;
ALTER TABLE loan ADD COLUMN lost_at timestamptz;

-- Notices produced for patrons (overdue, hold available, fine), in the patron's language.
CREATE TABLE notice (
    id          uuid PRIMARY KEY,
    patron_id   uuid REFERENCES patron (id),
    site_code   text NOT NULL,
    kind        text NOT NULL,        -- OVERDUE, LOST, HOLD_AVAILABLE, FINE
    stage       integer NOT NULL DEFAULT 1,
    language    text NOT NULL,
    loan_id     uuid,
    hold_id     uuid,
    homeroom    text,
    created_at  timestamptz NOT NULL,
    printed_at  timestamptz,
    emailed_at  timestamptz
);
CREATE INDEX notice_site_created ON notice (site_code, created_at);
