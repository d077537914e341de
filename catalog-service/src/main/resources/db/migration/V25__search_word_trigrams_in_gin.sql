-- The typo tier's trigram probe (`word % typed ORDER BY word <-> typed LIMIT 20`, CatalogSearch.LOOK_ALIKES) read
-- V7's GiST index almost whole for every typed word once the word list is a real catalog's: 92-218 ms a word at
-- 356,504 words (English and Spanish dictionaries), against 3-30 ms with a GIN index, whose bitmap finds the words
-- sharing enough trigrams and leaves the few to sort. Same words found: `%` bounds both (similarity 0.3).
-- No fast update, as V15: a pending list would be read by every search; new words come a title at a time.
DROP INDEX search_word_trgm_idx;
CREATE INDEX search_word_trgm_idx ON search_word USING GIN (word gin_trgm_ops) WITH (fastupdate = off);
