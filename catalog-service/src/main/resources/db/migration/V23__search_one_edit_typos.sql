-- Search: a word one edit away from a catalog word (a letter added, dropped, changed, or two neighbours swapped; two
-- edits for words of eight letters or more) stands for it, as an OPAC's "did you mean": "histroy" finds "history" and
-- "wizrad" "wizard", which trigram similarity alone (0.33 and 0.27, under CatalogSearch.LOOK_ALIKE) does not.
-- fuzzystrmatch is a trusted extension (PostgreSQL 13+), like pg_trgm (V1) and unaccent (V20).
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- The words of a typed word's first two letters and about its length: one index range, whatever the word list's size
-- (a short word's typo keeps too few trigrams for the trigram index to find it: "wizrad" shares 3 of 11 with "wizard").
CREATE INDEX search_word_start_idx ON search_word (left(word, 2), length(word));

-- The optimal string alignment distance (Levenshtein with a swap of two neighbouring letters as one edit) between a
-- and b, or most + 1 when it is more than most. fuzzystrmatch's levenshtein_less_equal (in C) rules out most words
-- first: a swap is two edits to it, so a word more than 2 * most Levenshtein edits away is more than most here.
-- Written with the schema fuzzystrmatch is in, so that it never depends on search_path.
DO $$
DECLARE
    ext_schema TEXT := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                        WHERE e.extname = 'fuzzystrmatch');
BEGIN
    EXECUTE format($f$
CREATE FUNCTION search_edits(a text, b text, most integer) RETURNS integer AS $body$
DECLARE
    m integer := length(a);
    n integer := length(b);
    before_previous integer[];
    previous integer[];
    current integer[];
    cost integer;
    cell integer;
    row_least integer;
BEGIN
    IF abs(m - n) > most OR %I.levenshtein_less_equal(a, b, 2 * most) > 2 * most THEN
        RETURN most + 1;
    END IF;
    previous := ARRAY(SELECT generate_series(0, n));
    FOR i IN 1..m LOOP
        current := array_fill(0, ARRAY[n + 1]);
        current[1] := i;
        row_least := i;
        FOR j IN 1..n LOOP
            cost := CASE WHEN substr(a, i, 1) = substr(b, j, 1) THEN 0 ELSE 1 END;
            cell := least(previous[j + 1] + 1, current[j] + 1, previous[j] + cost);
            IF i > 1 AND j > 1 AND substr(a, i, 1) = substr(b, j - 1, 1) AND substr(a, i - 1, 1) = substr(b, j, 1) THEN
                cell := least(cell, before_previous[j - 1] + 1);
            END IF;
            current[j + 1] := cell;
            row_least := least(row_least, cell);
        END LOOP;
        -- no row has less than the one before it: once a whole row is over, so is the distance
        IF row_least > most THEN
            RETURN most + 1;
        END IF;
        before_previous := previous;
        previous := current;
    END LOOP;
    RETURN least(previous[n + 1], most + 1);
END
$body$ LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
$f$, ext_schema);
END
$$;
