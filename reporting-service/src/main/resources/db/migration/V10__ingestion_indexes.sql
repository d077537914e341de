-- Ingestion writes a circulation_day row and a loan row (or a new version of one) for nearly every loan event, and
-- every index of those tables is one more write. Same rows, same reports; fewer writes per event.

-- circulation_day: only site reports read it, always by site and days. Its key now leads with the site, so it
-- serves them, and the separate site index goes.
ALTER TABLE circulation_day DROP CONSTRAINT circulation_day_pkey;
DROP INDEX circulation_day_site_idx;
ALTER TABLE circulation_day ADD PRIMARY KEY (site_code, day, kind, material_type, dewey_class, patron_type,
                                             patron_grade);

-- loan: the patron data reports read a site's loans out or lost. A partial index holds only those: a returned loan's
-- new row version adds nothing to it (and the district's reports read it whole instead of every loan ever made).
DROP INDEX loan_open_idx;
CREATE INDEX loan_out_idx ON loan (site_code) WHERE status IN ('OUT', 'LOST');
