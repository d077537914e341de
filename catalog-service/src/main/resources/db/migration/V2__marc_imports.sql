-- MARC import jobs: progress while a file is read, the summary once it is done.
CREATE TABLE marc_import (
    id              UUID PRIMARY KEY,
    file_format     TEXT        NOT NULL,
    match_mode      TEXT        NOT NULL,
    site_code       TEXT,
    status          TEXT        NOT NULL,
    records_read    INTEGER     NOT NULL DEFAULT 0,
    created         INTEGER     NOT NULL DEFAULT 0,
    matched         INTEGER     NOT NULL DEFAULT 0,
    rejected        INTEGER     NOT NULL DEFAULT 0,
    copies_added    INTEGER     NOT NULL DEFAULT 0,
    -- holdings (852/949) not turned into copies because the import named no site
    holdings_skipped INTEGER    NOT NULL DEFAULT 0,
    -- [{recordNumber, controlNumber, reason}], the first 1000
    rejections      JSONB       NOT NULL DEFAULT '[]',
    started_by      TEXT        NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ
);
CREATE INDEX marc_import_started_idx ON marc_import (started_at DESC);
