-- The circulation policy matrix: a null key means "any"; the most specific rule wins (see PolicyMatrix).
CREATE TABLE circulation_policy (
    id                uuid PRIMARY KEY,
    site_code         text REFERENCES site (code),
    patron_type       text,
    circulation_type  text,
    loan_days         integer,
    loan_hours        integer,
    fixed_due_date    date,
    max_items         integer NOT NULL,
    renewals_allowed  integer NOT NULL,
    grace_days        integer NOT NULL,
    fine_per_day      numeric(10, 2) NOT NULL,
    max_fine          numeric(10, 2) NOT NULL,
    lost_after_days   integer NOT NULL,
    processing_fee    numeric(10, 2) NOT NULL,
    holds_allowed     boolean NOT NULL,
    hold_shelf_days   integer NOT NULL,
    updated_at        timestamptz NOT NULL,
    updated_by        text NOT NULL,
    version           integer NOT NULL DEFAULT 0,
    CONSTRAINT policy_one_period CHECK (num_nonnulls(loan_days, loan_hours, fixed_due_date) = 1)
);
CREATE UNIQUE INDEX circulation_policy_key
    ON circulation_policy (site_code, patron_type, circulation_type) NULLS NOT DISTINCT;

-- The district default, so a fresh install can check out at once: 14 days, 10 items, 2 renewals.
INSERT INTO circulation_policy (id, site_code, patron_type, circulation_type, loan_days, max_items, renewals_allowed,
                                grace_days, fine_per_day, max_fine, lost_after_days, processing_fee, holds_allowed,
                                hold_shelf_days, updated_at, updated_by)
VALUES ('00000000-0000-0000-0000-000000000001', NULL, NULL, NULL, 14, 10, 2, 0, 0.00, 0.00, 60, 0.00, true, 7,
        now(), 'install');

-- Days a site's library is closed (the DISTRICT site's closed days apply to every school).
CREATE TABLE closed_day (
    site_code  text NOT NULL REFERENCES site (code),
    day        date NOT NULL,
    reason     text,
    PRIMARY KEY (site_code, day)
);
