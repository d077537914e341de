-- The catalog's schema: titles (shared district-wide), copies (one site each), the site replica, district-defined
-- lists, the weeding log and inventories. Search uses PostgreSQL full-text search plus trigram similarity.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Sites: a replica of circulation.sites.v1 (circulation owns sites). DISTRICT is the district itself.
CREATE TABLE site (
    code        TEXT PRIMARY KEY,
    name        TEXT        NOT NULL,
    site_type   TEXT        NOT NULL,
    active      BOOLEAN     NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Titles: the district's union catalog of bibliographic records, shared by every site.
CREATE TABLE title (
    id                          UUID PRIMARY KEY,
    title                       TEXT        NOT NULL,
    subtitle                    TEXT,
    statement_of_responsibility TEXT,
    authors                     TEXT[]      NOT NULL DEFAULT '{}',
    contributors                JSONB       NOT NULL DEFAULT '[]',
    isbns                       TEXT[]      NOT NULL DEFAULT '{}',
    -- every ISBN as ISBN-13, so that the ISBN-10 and ISBN-13 of one book match
    isbn13s                     TEXT[]      NOT NULL DEFAULT '{}',
    issn                        TEXT,
    lccn                        TEXT,
    control_number              TEXT,
    publisher                   TEXT,
    publication_year            INTEGER,
    edition                     TEXT,
    language                    TEXT,
    material_type               TEXT        NOT NULL DEFAULT 'BOOK',
    dewey_number                TEXT,
    call_number                 TEXT,
    subjects                    TEXT[]      NOT NULL DEFAULT '{}',
    summary                     TEXT,
    reading_level               TEXT,
    interest_level              TEXT,
    series                      TEXT,
    -- the MARC record this title came from (MARCXML), kept so that an export gives back the source's fields
    marc_source                 TEXT,
    search_vector               TSVECTOR,
    -- lower-case title, authors and series, for typo-tolerant (trigram) matching
    search_text                 TEXT,
    created_at                  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                  TIMESTAMPTZ NOT NULL DEFAULT now(),
    version                     INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX title_isbn13s_idx ON title USING GIN (isbn13s);
CREATE INDEX title_lccn_idx ON title (lccn) WHERE lccn IS NOT NULL;
CREATE INDEX title_issn_idx ON title (issn) WHERE issn IS NOT NULL;
CREATE INDEX title_control_number_idx ON title (control_number) WHERE control_number IS NOT NULL;
CREATE INDEX title_search_idx ON title USING GIN (search_vector);
CREATE INDEX title_search_text_trgm_idx ON title USING GIN (search_text gin_trgm_ops);
CREATE INDEX title_material_type_idx ON title (material_type);
-- relaxed MARC matching: same title, author and year
CREATE INDEX title_lower_title_idx ON title (lower(title));

-- Keeps the search vector in step with the record, whoever writes it (API, MARC import, a bulk loader).
CREATE FUNCTION title_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('simple', coalesce(NEW.title, '') || ' ' || coalesce(NEW.subtitle, '')), 'A')
        || setweight(to_tsvector('simple', array_to_string(NEW.authors, ' ')), 'B')
        || setweight(to_tsvector('simple', coalesce(NEW.series, '') || ' ' || array_to_string(NEW.subjects, ' ')), 'C')
        || setweight(to_tsvector('simple', array_to_string(NEW.isbns, ' ') || ' ' || array_to_string(NEW.isbn13s, ' ')), 'A');
    NEW.search_text := lower(NEW.title || ' ' || array_to_string(NEW.authors, ' ') || ' ' || coalesce(NEW.series, ''));
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER title_search_vector BEFORE INSERT OR UPDATE ON title
    FOR EACH ROW EXECUTE FUNCTION title_search_vector();

-- District-defined lists: withdrawal reasons, disposal methods, copy categories.
CREATE TABLE district_term (
    kind    TEXT    NOT NULL,
    code    TEXT    NOT NULL,
    label   TEXT    NOT NULL,
    active  BOOLEAN NOT NULL DEFAULT TRUE,
    PRIMARY KEY (kind, code)
);
INSERT INTO district_term (kind, code, label) VALUES
    ('WITHDRAWAL_REASON', 'WEEDED', 'Weeded'),
    ('WITHDRAWAL_REASON', 'DAMAGED', 'Damaged beyond repair'),
    ('WITHDRAWAL_REASON', 'LOST', 'Lost'),
    ('WITHDRAWAL_REASON', 'MISSING', 'Missing'),
    ('DISPOSAL_METHOD', 'RECYCLED', 'Recycled'),
    ('DISPOSAL_METHOD', 'DONATED', 'Donated'),
    ('DISPOSAL_METHOD', 'SOLD', 'Sold'),
    ('DISPOSAL_METHOD', 'DISCARDED', 'Discarded'),
    ('COPY_CATEGORY', 'SPANISH', 'Spanish collection'),
    ('COPY_CATEGORY', 'READING_PROGRAM', 'Reading program');

-- Copies: physical items; each belongs to one site and has a district-wide unique barcode.
CREATE TABLE copy (
    id                UUID PRIMARY KEY,
    title_id          UUID        NOT NULL REFERENCES title (id),
    barcode           TEXT        NOT NULL,
    site_code         TEXT        NOT NULL REFERENCES site (code),
    status            TEXT        NOT NULL,
    -- where a copy IN_TRANSIT goes
    destination_site  TEXT REFERENCES site (code),
    call_number       TEXT,
    shelf_location    TEXT,
    price             NUMERIC(10, 2),
    acquired_on       DATE,
    funding_source    TEXT,
    condition         TEXT,
    categories        TEXT[]      NOT NULL DEFAULT '{}',
    circulation_type  TEXT        NOT NULL DEFAULT 'REGULAR',
    last_seen_at      TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    version           INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT copy_barcode_unique UNIQUE (barcode)
);
CREATE INDEX copy_title_idx ON copy (title_id, site_code, status);
CREATE INDEX copy_site_idx ON copy (site_code, status);

-- Each site's range of barcodes for copies added without one.
CREATE TABLE barcode_range (
    site_code    TEXT PRIMARY KEY REFERENCES site (code),
    prefix       TEXT    NOT NULL,
    next_number  BIGINT  NOT NULL,
    last_number  BIGINT  NOT NULL,
    digits       INTEGER NOT NULL
);

-- Weeding log: every withdrawn copy, kept for reports even after the copy's other data changes.
CREATE TABLE weeding_log (
    id               UUID PRIMARY KEY,
    copy_id          UUID        NOT NULL REFERENCES copy (id),
    barcode          TEXT        NOT NULL,
    title_id         UUID        NOT NULL,
    title            TEXT        NOT NULL,
    site_code        TEXT        NOT NULL,
    call_number      TEXT,
    price            NUMERIC(10, 2),
    previous_status  TEXT        NOT NULL,
    reason           TEXT        NOT NULL,
    disposal_method  TEXT        NOT NULL,
    note             TEXT,
    withdrawn_by     TEXT        NOT NULL,
    withdrawn_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX weeding_log_site_idx ON weeding_log (site_code, withdrawn_at);
