-- Search takes its candidates in two tiers: first the titles whose own words (title and subtitle) hold the query's
-- words, then, when those are fewer than the candidates a search ranks, the titles holding them anywhere (authors,
-- series, subjects: the whole search_vector). A common word ("history": ~61,000 titles at a million) otherwise gave
-- the first 200 titles of the table's physical order, most of which hold it only among their subjects, and the title
-- a reader meant could be left out before ranking. A weight-restricted query on search_vector ('history:A') would not
-- do: GIN keeps no weights, so every title with the word anywhere would still be read and rechecked on the heap.
-- An expression index, not a column: nothing to keep in step (no trigger, no loader to change) and no table rewrite;
-- CatalogSearch writes the same expression, so the planner uses this index for it.
-- Without GIN's fast update: with it, every search also read the whole list of entries not yet merged into the index
-- (184 pages after 100,000 titles imported: 6.6 ms of a whole title typed, and the bench's query mix one at a time at
-- p95 38 ms against 29 with the list merged). A title has a few words of its own, so they go into the index at once.
CREATE INDEX title_title_words_idx ON title
    USING GIN (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(subtitle, ''))) WITH (fastupdate = off);
-- the planner's statistics of the new expression (how many titles a word of their own names), read by the next searches
ANALYZE title;
