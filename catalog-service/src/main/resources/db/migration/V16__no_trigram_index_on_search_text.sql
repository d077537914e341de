-- No query reads the trigram index of title.search_text: the search scores its candidates with
-- word_similarity(text, search_text) row by row, and looks typed words up in search_word (V7) by trigram, not the
-- titles; title_search_estimate's "words" branch is never called with words. On the district bench's stack it had
-- 0 scans against 29,425 of the full-text index, while every title inserted or updated put dozens of trigrams into
-- it (169 MB there): work for each MARC record imported, for nothing.
DROP INDEX IF EXISTS title_search_text_trgm_idx;
