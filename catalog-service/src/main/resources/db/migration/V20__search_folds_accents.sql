-- Search folds accents on both sides: "garcia" finds "García", "educación" finds "Educacion". The stored search
-- vector, search text, title-words index and word list hold the text without its accents, and CatalogSearch folds the
-- query with the same function, so the two always agree.
-- unaccent is a trusted extension (PostgreSQL 13+), like pg_trgm (V1): the database's owner creates it without being
-- a superuser.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (it finds its dictionary through search_path), so it cannot serve in an index expression.
-- With the dictionary named by its schema it always answers the same for the same text: this wrapper may be IMMUTABLE.
-- Written with the schema the extension is in (public unless a DBA put it elsewhere), so that it never depends on
-- search_path (pg_restore runs with an empty one).
DO $$
DECLARE
    ext_schema TEXT := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                        WHERE e.extname = 'unaccent');
BEGIN
    EXECUTE format('CREATE FUNCTION search_fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS %L',
        format('SELECT %I.unaccent(%L::regdictionary, $1)', ext_schema, quote_ident(ext_schema) || '.unaccent'));
END
$$;

CREATE OR REPLACE FUNCTION title_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('simple', search_fold(coalesce(NEW.title, '') || ' ' || coalesce(NEW.subtitle, ''))), 'A')
        || setweight(to_tsvector('simple', search_fold(array_to_string(NEW.authors, ' '))), 'B')
        || setweight(to_tsvector('simple', search_fold(coalesce(NEW.series, '') || ' '
            || array_to_string(NEW.subjects, ' '))), 'C')
        || setweight(to_tsvector('simple', array_to_string(NEW.isbns, ' ') || ' ' || array_to_string(NEW.isbn13s, ' ')), 'A');
    NEW.search_text := search_fold(lower(NEW.title || ' ' || array_to_string(NEW.authors, ' ') || ' '
        || coalesce(NEW.series, '')));
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

-- Only titles with a character outside ASCII can change (unaccent maps no ASCII character): a sequential read of the
-- table picks them (more bytes than characters), and "SET title = title" runs the triggers above and V7's word list
-- for them alone. Measured on a generated catalog of 100,000 titles, a third of them Spanish with accents (PostgreSQL
-- 15, 2 cores, shared_buffers 1 GB): this UPDATE 9.4 s for the 33,333 titles, the index below 1.8 s, ANALYZE 1.2 s,
-- 12.6 s in all. A million titles of which a third hold an accent: about 95 s + 18 s, two minutes (V18 took ~75 s
-- for 1.44 million rows); a catalog with fewer accented titles takes less, the sequential read itself a few seconds.
UPDATE title SET title = title
 WHERE octet_length(concat_ws(' ', title, subtitle, array_to_string(authors, ' '), series,
                              array_to_string(subjects, ' ')))
    <> char_length(concat_ws(' ', title, subtitle, array_to_string(authors, ' '), series,
                             array_to_string(subjects, ' ')));

-- The title-words index (V15) of the folded words; CatalogSearch.TITLE_WORDS writes the same expression.
CREATE INDEX title_folded_words_idx ON title
    USING GIN (to_tsvector('simple', search_fold(coalesce(title, '') || ' ' || coalesce(subtitle, ''))))
    WITH (fastupdate = off);
DROP INDEX title_title_words_idx;

-- The word list (typo correction) holds folded words: the updated titles added theirs above; words of titles deleted
-- since are folded here, and accented ones dropped (in a database of locale C, [[:alpha:]] had kept none anyway).
INSERT INTO search_word (word)
SELECT DISTINCT search_fold(word) FROM search_word
 WHERE word <> search_fold(word) AND search_fold(word) ~ '^[[:alpha:]]+$'
ON CONFLICT DO NOTHING;
DELETE FROM search_word WHERE word <> search_fold(word);

ANALYZE title;
