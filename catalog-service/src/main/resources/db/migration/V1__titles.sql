-- Titles: the district's union catalog of bibliographic records, shared by every site.
CREATE TABLE title (
    id                UUID PRIMARY KEY,
    title             TEXT        NOT NULL,
    subtitle          TEXT,
    authors           TEXT[]      NOT NULL DEFAULT '{}',
    isbns             TEXT[]      NOT NULL DEFAULT '{}',
    publisher         TEXT,
    publication_year  INTEGER,
    material_type     TEXT        NOT NULL DEFAULT 'BOOK',
    dewey_number      TEXT,
    subjects          TEXT[]      NOT NULL DEFAULT '{}',
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    version           INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX title_isbns_idx ON title USING GIN (isbns);
