-- Search filtered by site (a school's kiosk, siteCode=): each title keeps the sites holding it (the sites of its copies
-- that are not withdrawn), GIN-indexed, so that the words' bitmap and the site's bitmap meet in one BitmapAnd instead
-- of one copy probe and one random title page per title the site holds (~5,000 of them at district scale).
-- An array of its own rather than site lexemes in the search vector: the site is a filter, not a word (a site code
-- such as "LHS" would be found by a search for the word, ranked and offered as a typo correction), and the planner
-- keeps element statistics for the array, which title_search_estimate reads.
ALTER TABLE title ADD COLUMN holding_sites TEXT[] NOT NULL DEFAULT '{}';

-- A holding_sites change must not recompute the search vector and the word list of its title: their triggers fire
-- only when a column they read is written (the service writes them all on every title update).
DROP TRIGGER title_search_vector ON title;
CREATE TRIGGER title_search_vector BEFORE INSERT OR UPDATE OF title, subtitle, authors, series, subjects, isbns, isbn13s
    ON title FOR EACH ROW EXECUTE FUNCTION title_search_vector();
DROP TRIGGER title_search_words ON title;
CREATE TRIGGER title_search_words AFTER INSERT OR UPDATE OF title, subtitle, authors, series, subjects, isbns, isbn13s
    ON title FOR EACH ROW EXECUTE FUNCTION title_search_words();

UPDATE title t SET holding_sites = h.sites
FROM (SELECT title_id, array_agg(DISTINCT site_code ORDER BY site_code) AS sites FROM copy
      WHERE status <> 'WITHDRAWN' GROUP BY title_id) h
WHERE t.id = h.title_id;
CREATE INDEX title_holding_sites_idx ON title USING GIN (holding_sites);

-- Kept by statement triggers on copy, whoever writes it (the service, MARC holdings, receipts, a COPY loader): one
-- set-based statement per statement on copy, however many rows it wrote. A site is added when a copy arrives there
-- (added, moved, un-withdrawn) and removed when the title's last copy there leaves (withdrawn, moved, deleted); an
-- update that changes none of title, site or withdrawn-ness (a loan, a scan) only joins its two transition tables.
-- The titles concerned are locked first, in id order, so that a copy added at a site while another transaction takes
-- away the site's last one cannot leave the site out: whichever comes second sees what the first committed.
CREATE FUNCTION copy_holding_sites() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM 1 FROM title t WHERE t.id IN (SELECT title_id FROM new_copies WHERE status <> 'WITHDRAWN')
            ORDER BY t.id FOR NO KEY UPDATE;
        UPDATE title t SET holding_sites = ARRAY(SELECT DISTINCT s FROM unnest(t.holding_sites || g.sites) s ORDER BY 1)
        FROM (SELECT title_id, array_agg(DISTINCT site_code) AS sites FROM new_copies
              WHERE status <> 'WITHDRAWN' GROUP BY title_id) g
        WHERE t.id = g.title_id AND NOT t.holding_sites @> g.sites;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM 1 FROM title t WHERE t.id IN (SELECT title_id FROM old_copies WHERE status <> 'WITHDRAWN')
            ORDER BY t.id FOR NO KEY UPDATE;
        UPDATE title t SET holding_sites = ARRAY(SELECT s FROM unnest(t.holding_sites) s WHERE s <> ALL (l.sites) ORDER BY 1)
        FROM (SELECT o.title_id, array_agg(DISTINCT o.site_code) AS sites FROM old_copies o
              WHERE o.status <> 'WITHDRAWN' AND NOT EXISTS (SELECT 1 FROM copy c WHERE c.title_id = o.title_id
                  AND c.site_code = o.site_code AND c.status <> 'WITHDRAWN')
              GROUP BY o.title_id) l
        WHERE t.id = l.title_id AND t.holding_sites && l.sites;
    ELSE
        IF NOT EXISTS (SELECT 1 FROM old_copies o JOIN new_copies n ON n.id = o.id
                       WHERE (o.title_id, o.site_code, o.status = 'WITHDRAWN')
                           IS DISTINCT FROM (n.title_id, n.site_code, n.status = 'WITHDRAWN')) THEN
            RETURN NULL;
        END IF;
        PERFORM 1 FROM title t WHERE t.id IN (SELECT o.title_id FROM old_copies o JOIN new_copies n ON n.id = o.id
                WHERE (o.title_id, o.site_code, o.status = 'WITHDRAWN')
                    IS DISTINCT FROM (n.title_id, n.site_code, n.status = 'WITHDRAWN')
                UNION SELECT n.title_id FROM old_copies o JOIN new_copies n ON n.id = o.id
                WHERE (o.title_id, o.site_code, o.status = 'WITHDRAWN')
                    IS DISTINCT FROM (n.title_id, n.site_code, n.status = 'WITHDRAWN'))
            ORDER BY t.id FOR NO KEY UPDATE;
        -- gained: the copy's new title and site, when it is not withdrawn
        UPDATE title t SET holding_sites = ARRAY(SELECT DISTINCT s FROM unnest(t.holding_sites || g.sites) s ORDER BY 1)
        FROM (SELECT n.title_id, array_agg(DISTINCT n.site_code) AS sites FROM old_copies o
              JOIN new_copies n ON n.id = o.id
              WHERE n.status <> 'WITHDRAWN' AND (o.title_id, o.site_code, o.status = 'WITHDRAWN')
                  IS DISTINCT FROM (n.title_id, n.site_code, FALSE)
              GROUP BY n.title_id) g
        WHERE t.id = g.title_id AND NOT t.holding_sites @> g.sites;
        -- lost: the copy's old title and site, when it was not withdrawn and no copy there is left
        UPDATE title t SET holding_sites = ARRAY(SELECT s FROM unnest(t.holding_sites) s WHERE s <> ALL (l.sites) ORDER BY 1)
        FROM (SELECT o.title_id, array_agg(DISTINCT o.site_code) AS sites FROM old_copies o
              JOIN new_copies n ON n.id = o.id
              WHERE o.status <> 'WITHDRAWN' AND (o.title_id, o.site_code, FALSE)
                  IS DISTINCT FROM (n.title_id, n.site_code, n.status = 'WITHDRAWN')
                  AND NOT EXISTS (SELECT 1 FROM copy c WHERE c.title_id = o.title_id AND c.site_code = o.site_code
                      AND c.status <> 'WITHDRAWN')
              GROUP BY o.title_id) l
        WHERE t.id = l.title_id AND t.holding_sites && l.sites;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER copy_holding_sites_inserted AFTER INSERT ON copy REFERENCING NEW TABLE AS new_copies
    FOR EACH STATEMENT EXECUTE FUNCTION copy_holding_sites();
CREATE TRIGGER copy_holding_sites_updated AFTER UPDATE ON copy
    REFERENCING OLD TABLE AS old_copies NEW TABLE AS new_copies
    FOR EACH STATEMENT EXECUTE FUNCTION copy_holding_sites();
CREATE TRIGGER copy_holding_sites_deleted AFTER DELETE ON copy REFERENCING OLD TABLE AS old_copies
    FOR EACH STATEMENT EXECUTE FUNCTION copy_holding_sites();

-- The estimate of a search filtered by site reads the same array (the planner's element statistics) as the search.
CREATE OR REPLACE FUNCTION title_search_estimate(tsq TEXT, words TEXT, isbn TEXT[], material TEXT, reading TEXT,
                                                 lang TEXT, site TEXT, available BOOLEAN) RETURNS BIGINT AS $$
DECLARE
    match TEXT := 'FALSE';
    sql   TEXT;
    plan  JSON;
BEGIN
    IF tsq IS NOT NULL THEN
        match := match || ' OR t.search_vector @@ to_tsquery(''simple'', $1)';
    END IF;
    IF words IS NOT NULL THEN
        match := match || ' OR $2 <% t.search_text';
    END IF;
    IF isbn IS NOT NULL THEN
        match := match || ' OR t.isbn13s && $3';
    END IF;
    sql := 'EXPLAIN (FORMAT JSON) SELECT 1 FROM title t WHERE ('
        || CASE WHEN tsq IS NULL AND words IS NULL AND isbn IS NULL THEN 'TRUE' ELSE match END || ')';
    IF material IS NOT NULL THEN
        sql := sql || ' AND t.material_type = $4';
    END IF;
    IF reading IS NOT NULL THEN
        sql := sql || ' AND t.reading_level = $5';
    END IF;
    IF lang IS NOT NULL THEN
        sql := sql || ' AND t.language = $6';
    END IF;
    IF site IS NOT NULL THEN
        sql := sql || ' AND t.holding_sites @> ARRAY[$7]';
    END IF;
    -- with a site, "available there" is left to the site's array: the planner would multiply the two as if they were
    -- independent (a copy available at the site is a copy held there), and most copies are available
    IF available AND site IS NULL THEN
        sql := sql || ' AND EXISTS (SELECT 1 FROM copy c WHERE c.title_id = t.id AND c.status = ''AVAILABLE'')';
    END IF;
    EXECUTE sql INTO plan USING tsq, words, isbn, material, reading, lang, site;
    RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::BIGINT;
END
$$ LANGUAGE plpgsql VOLATILE;
