-- Search: the catalog's words (of four letters or more), so that a misspelt word is corrected against a word list with
-- a trigram index (a few hundred thousand words at most) instead of comparing the query with every title's text:
-- "tolbooth" becomes "tolbooth | tollbooth" and the full-text index does the rest. Words stay when their titles go
-- (a correction that finds nothing costs nothing).
CREATE TABLE search_word (
    word TEXT PRIMARY KEY
);
CREATE INDEX search_word_trgm_idx ON search_word USING GIST (word gist_trgm_ops);

CREATE FUNCTION title_search_words() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.search_vector IS DISTINCT FROM OLD.search_vector THEN
        INSERT INTO search_word (word)
        SELECT w FROM unnest(tsvector_to_array(NEW.search_vector)) AS w
        WHERE length(w) BETWEEN 4 AND 60 AND w ~ '^[[:alpha:]]+$'
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER title_search_words AFTER INSERT OR UPDATE ON title
    FOR EACH ROW EXECUTE FUNCTION title_search_words();

INSERT INTO search_word (word)
SELECT DISTINCT w FROM title, unnest(tsvector_to_array(search_vector)) AS w
WHERE length(w) BETWEEN 4 AND 60 AND w ~ '^[[:alpha:]]+$'
ON CONFLICT DO NOTHING;
