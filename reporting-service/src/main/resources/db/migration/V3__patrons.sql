-- Patrons as reporting needs them: the pseudonymous key and what statistics group by. Never names, barcodes or
-- SIS ids (the source event carries them for other services; reporting drops them on arrival).
CREATE TABLE patron (
    patron_key    TEXT PRIMARY KEY,
    patron_type   TEXT,
    home_site     TEXT,
    grade         TEXT,
    homeroom      TEXT,
    status        TEXT NOT NULL
);
CREATE INDEX patron_site_idx ON patron (home_site, status);
