-- Circulation counts per day and per the dimensions reports break them down by; no patron identity.
-- kind: CHECKOUT, RENEWAL, RETURN, LOST.
CREATE TABLE circulation_day (
    day            DATE NOT NULL,
    site_code      TEXT NOT NULL,
    kind           TEXT NOT NULL,
    material_type  TEXT NOT NULL,
    dewey_class    TEXT NOT NULL,
    patron_type    TEXT NOT NULL,
    patron_grade   TEXT NOT NULL,
    events         BIGINT NOT NULL,
    PRIMARY KEY (day, site_code, kind, material_type, dewey_class, patron_type, patron_grade)
);
CREATE INDEX circulation_day_site_idx ON circulation_day (site_code, day);

-- Loans, for top titles and patron data reports. patron_key is the pseudonymous key circulation publishes.
CREATE TABLE loan (
    loan_id       UUID PRIMARY KEY,
    copy_id       UUID,
    title_id      UUID,
    site_code     TEXT NOT NULL,
    patron_key    TEXT,
    patron_type   TEXT,
    patron_grade  TEXT,
    material_type TEXT,
    dewey_class   TEXT NOT NULL,
    loaned_at     TIMESTAMPTZ NOT NULL,
    due_at        TIMESTAMPTZ,
    returned_at   TIMESTAMPTZ,
    status        TEXT NOT NULL,
    days_overdue  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX loan_site_loaned_idx ON loan (site_code, loaned_at);
CREATE INDEX loan_open_idx ON loan (site_code, status);
