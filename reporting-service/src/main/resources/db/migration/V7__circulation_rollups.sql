-- District-wide rollups of circulation, kept by the projections in the ingestion transaction, so that a district
-- report over a school year reads tens of thousands of rows instead of every day x site x dimension.

-- Counts per grain ('M': period is the first day of a month; 'D': one day), kind and ONE dimension at a time:
-- dimension 'total' (value ''), 'site' (site code), 'material_type', 'dewey_class', 'patron_type', 'patron_grade'.
-- A report reads whole months from 'M' and the days of a cut month from 'D'; the sums equal circulation_day's.
CREATE TABLE circulation_rollup (
    grain      CHAR(1) NOT NULL,
    period     DATE    NOT NULL,
    dimension  TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    events     BIGINT  NOT NULL,
    PRIMARY KEY (grain, dimension, period, value, kind)
);

-- Check-outs per title and month, district-wide: top titles take each month's head (the rank index) and add up the
-- candidates exactly (threshold algorithm), instead of counting every loan of the year.
CREATE TABLE title_month (
    month      DATE   NOT NULL,
    title_id   UUID   NOT NULL,
    checkouts  BIGINT NOT NULL,
    PRIMARY KEY (month, title_id)
);
CREATE INDEX title_month_rank_idx ON title_month (month, checkouts DESC, title_id);
-- the candidates' check-outs in the days of a cut month
CREATE INDEX loan_title_loaned_idx ON loan (title_id, loaned_at);

-- District distinct borrowers: a HyperLogLog sketch (Apache DataSketches, HLL_8, lgK 14: about 0.8 % relative
-- standard error) of the borrower tokens per month ('M') and per day ('D'), merged when a report asks.
CREATE TABLE borrower_sketch (
    grain   CHAR(1) NOT NULL,
    period  DATE    NOT NULL,
    sketch  BYTEA   NOT NULL,
    PRIMARY KEY (grain, period)
);

-- What was ingested before this migration: the rollups come from circulation_day, the title counts from the loan
-- rows (their day in the district's time zone). Sketches cannot be made in SQL: a rebuild fills them.
INSERT INTO circulation_rollup (grain, period, dimension, value, kind, events)
SELECT g.grain, CASE g.grain WHEN 'M' THEN CAST(date_trunc('month', c.day) AS date) ELSE c.day END,
       d.dimension, d.value, c.kind, sum(c.events)
FROM circulation_day c
CROSS JOIN (VALUES ('M'), ('D')) g(grain)
CROSS JOIN LATERAL (VALUES ('total', ''), ('site', c.site_code), ('material_type', c.material_type),
                           ('dewey_class', c.dewey_class), ('patron_type', c.patron_type),
                           ('patron_grade', c.patron_grade)) d(dimension, value)
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO title_month (month, title_id, checkouts)
SELECT CAST(date_trunc('month', loaned_at AT TIME ZONE '${timeZone}') AS date), title_id, count(*)
FROM loan WHERE title_id IS NOT NULL
GROUP BY 1, 2;
