-- Search's typo tier (CatalogSearch): a typed word that is a catalog word stands for itself and the few catalog
-- words it begins ("character" -> "characters", "characterize"), named one by one, instead of the prefix query
-- "character:*": GIN answers a prefix by the union of every posting list the prefix begins, however common, before
-- it intersects anything (140-180 ms for "fictitious:* & character:*" at a million titles, 4-8 ms for the words
-- themselves). In the "C" collation (byte order), so that "begins with" is a range whatever the database's collation.
CREATE INDEX search_word_start_c_idx ON search_word ((word COLLATE "C"));
