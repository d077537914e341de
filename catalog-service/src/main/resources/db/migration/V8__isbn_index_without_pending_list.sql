-- MARC import matches a chunk's hundreds of ISBNs in one probe of this index. With GIN's fast update, every probe also
-- reads the whole list of entries not yet merged into the index (up to 4 MB), once per key: 45 ms a chunk at a million
-- titles. An ISBN index gets one or two keys per title, so merging them at once costs little.
ALTER INDEX title_isbn13s_idx SET (fastupdate = off);
SELECT gin_clean_pending_list('title_isbn13s_idx');
