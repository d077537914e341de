-- Reporting keeps projections only: every table below except those marked otherwise is rebuilt by replaying the
-- topics from the start (see ingest/ProjectionRebuild).

-- Sites known to reporting: from SiteUpserted, or first seen as an event's siteCode (name unknown until then).
CREATE TABLE site (
    site_code   TEXT PRIMARY KEY,
    name        TEXT,
    site_type   TEXT,
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    upserted    BOOLEAN NOT NULL DEFAULT FALSE
);

-- How fresh each topic's projection is: the last applied event and how many were applied or skipped.
CREATE TABLE topic_freshness (
    topic          TEXT PRIMARY KEY,
    last_event_at  TIMESTAMPTZ,
    last_applied_at TIMESTAMPTZ,
    applied        BIGINT NOT NULL DEFAULT 0,
    skipped        BIGINT NOT NULL DEFAULT 0
);

-- Titles (bibliographic records) of the district catalog; a deleted title keeps its row for names in old reports.
CREATE TABLE title (
    title_id         UUID PRIMARY KEY,
    title            TEXT,
    material_type    TEXT,
    dewey_class      TEXT NOT NULL,
    publication_year INTEGER,
    deleted          BOOLEAN NOT NULL DEFAULT FALSE
);

-- Copies (physical items) per site; a withdrawn copy stays, with its withdrawal date, for withdrawal counts.
CREATE TABLE copy (
    copy_id          UUID PRIMARY KEY,
    title_id         UUID,
    site_code        TEXT NOT NULL,
    status           TEXT,
    material_type    TEXT,
    dewey_class      TEXT NOT NULL,
    publication_year INTEGER,
    price            NUMERIC(12, 2),
    added_on         DATE NOT NULL,
    withdrawn_on     DATE
);
CREATE INDEX copy_site_idx ON copy (site_code);
CREATE INDEX copy_title_idx ON copy (title_id);
