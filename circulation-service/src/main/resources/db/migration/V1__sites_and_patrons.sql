-- Sites: the district and its schools. Circulation owns them (roster orgs or district staff).
CREATE TABLE site (
    code        text PRIMARY KEY,
    name        text NOT NULL,
    site_type   text NOT NULL,
    sourced_id  text UNIQUE,
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     integer NOT NULL DEFAULT 0
);

INSERT INTO site (code, name, site_type, active, created_at, updated_at)
VALUES ('DISTRICT', 'District', 'DISTRICT', true, now(), now());

-- Patrons: students, teachers, staff, guardians. Never deleted: inactive or graduated.
CREATE TABLE patron (
    id          uuid PRIMARY KEY,
    barcode     text NOT NULL UNIQUE,
    sis_id      text,
    sourced_id  text UNIQUE,
    first_name  text NOT NULL,
    last_name   text NOT NULL,
    patron_type text NOT NULL,
    home_site   text NOT NULL REFERENCES site (code),
    grade       text,
    homeroom    text,
    email       text,
    language    text NOT NULL DEFAULT 'en',
    status      text NOT NULL DEFAULT 'ACTIVE',
    notes       text,
    blocked     boolean NOT NULL DEFAULT false,
    block_note  text,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     integer NOT NULL DEFAULT 0
);
CREATE INDEX patron_home_site ON patron (home_site, last_name, first_name);
CREATE INDEX patron_sis_id ON patron (sis_id);
