-- Search: a word mistyped in its first letters ("hrary" for "harry", "hsitory" for "history", "istory" with its first
-- letter dropped) also stands for the catalog word. V23 looks only among the words of the typed word's first two
-- letters, and such a typo changes most of a short word's trigrams ("hrary" and "harry" share 2 of 10).
-- One edit in the first three letters (a letter changed, added, dropped, or two swapped) leaves the typed word's
-- letters after the third the END of the catalog word: "hrary" -> "...ry", "hsitory" -> "...tory"; two edits in the
-- first four, the letters after the fourth. So CatalogSearch looks among the words of each length within the edits
-- allowed whose reversed text begins with that end reversed: one range of this index per length. The end is two
-- letters at least and longer for longer words, so a range holds a few words and a few thousand at most (words of
-- five letters ending in "ed", of six in "ing", of eight in "ings", in a list of 356,000 English and Spanish words).
-- Reversed in the "C" collation (byte order), so that "begins with" is a range whatever
-- the database's collation; with the word itself, so that the scan reads the index only (the list is insert-only:
-- vacuum keeps its pages all-visible).
CREATE INDEX search_word_end_idx ON search_word (length(word), (reverse(word) COLLATE "C")) INCLUDE (word);

-- fuzzystrmatch's levenshtein_less_equal with the schema it is in (V23 created it, public unless a DBA put it
-- elsewhere), so that CatalogSearch never depends on search_path, as search_edits (V23) and search_fold (V20) do not.
-- A one-line SQL function: the planner puts its body in the query in its place (no function call per word).
DO $$
DECLARE
    ext_schema TEXT := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                        WHERE e.extname = 'fuzzystrmatch');
BEGIN
    EXECUTE format('CREATE FUNCTION search_levenshtein(a text, b text, most integer) RETURNS integer'
        ' LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS %L',
        format('SELECT %I.levenshtein_less_equal($1, $2, $3)', ext_schema));
END
$$;
