-- Search: how many titles a query too broad to count would match, from the planner's statistics (the search ranks
-- and counts a bounded set of candidates and says when its total is this estimate). EXPLAIN only plans: it reads no
-- rows (VOLATILE only because PostgreSQL allows EXPLAIN in no other kind of function). Conditions are added for the
-- filters given; the values are passed as parameters, never spliced in.
CREATE FUNCTION title_search_estimate(tsq TEXT, words TEXT, isbn TEXT[], material TEXT, reading TEXT, lang TEXT,
                                      site TEXT, available BOOLEAN) RETURNS BIGINT AS $$
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
    IF site IS NOT NULL OR available THEN
        sql := sql || ' AND EXISTS (SELECT 1 FROM copy c WHERE c.title_id = t.id'
            || CASE WHEN site IS NOT NULL THEN ' AND c.site_code = $7' ELSE '' END
            || CASE WHEN available THEN ' AND c.status = ''AVAILABLE'')' ELSE ' AND c.status <> ''WITHDRAWN'')' END;
    END IF;
    EXECUTE sql INTO plan USING tsq, words, isbn, material, reading, lang, site;
    RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::BIGINT;
END
$$ LANGUAGE plpgsql VOLATILE;
