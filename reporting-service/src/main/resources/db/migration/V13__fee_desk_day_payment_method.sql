-- How the money was taken at a desk: FeePaid's method (CASH, CHECK, CARD, ONLINE, upper-case), so a desk's cash and
-- checks can be counted against the report. NULL: the method is unknown, never guessed; and refunds, which carry no
-- method (FeeRefunded does not say how the money was handed back).
ALTER TABLE fee_desk_day ADD COLUMN method TEXT;

-- What was ingested before this migration keeps its one row per key with method NULL: paid at the desk, method
-- unknown (a rebuild gives the payments whose events carry a method their method). NULLs not distinct: the unknown
-- method of a desk's day is one row, added to as unknown payments come.
ALTER TABLE fee_desk_day DROP CONSTRAINT fee_desk_day_pkey;
ALTER TABLE fee_desk_day ADD CONSTRAINT fee_desk_day_key
    UNIQUE NULLS NOT DISTINCT (desk_site, day, fee_site, action, method);
