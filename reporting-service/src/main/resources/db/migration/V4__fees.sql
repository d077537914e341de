-- Fees per patron account (pseudonymous key) and the day's money movements per site and fee kind.
CREATE TABLE fee (
    fee_id        UUID PRIMARY KEY,
    site_code     TEXT NOT NULL,
    kind          TEXT NOT NULL,
    patron_key    TEXT,
    patron_type   TEXT,
    patron_grade  TEXT,
    amount        NUMERIC(12, 2) NOT NULL,
    balance       NUMERIC(12, 2) NOT NULL,
    status        TEXT NOT NULL
);
CREATE INDEX fee_site_idx ON fee (site_code, status);

-- action: ASSESSED, PAID, WAIVED
CREATE TABLE fee_day (
    day        DATE NOT NULL,
    site_code  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    action     TEXT NOT NULL,
    events     BIGINT NOT NULL,
    amount     NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (day, site_code, kind, action)
);
