-- Money by the desk that took it: the day's payments (PAID) and refunds (REFUNDED) per desk's site and fee's site,
-- from FeePaid / FeeRefunded's deskSite (the fee's site when the event names none: circulation's ledger rule,
-- COALESCE(desk_site, fee site)). fee_day keeps counting them at the fee's site, as before.
-- Keyed by the desk first: a site's report reads its own desks' days.
CREATE TABLE fee_desk_day (
    desk_site  TEXT NOT NULL,
    day        DATE NOT NULL,
    fee_site   TEXT NOT NULL,
    action     TEXT NOT NULL,
    events     BIGINT NOT NULL,
    amount     NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (desk_site, day, fee_site, action)
);

-- What was ingested before this migration counts at the fee's site (exact for events written before circulation
-- recorded desks; a rebuild puts the later ones at their desks).
INSERT INTO fee_desk_day (desk_site, day, fee_site, action, events, amount)
SELECT site_code, day, site_code, action, sum(events), sum(amount)
FROM fee_day
WHERE action IN ('PAID', 'REFUNDED')
GROUP BY site_code, day, action;

-- InventoryFinished's later counts; NULL when the event did not carry them (published before they existed, or
-- ingested before this migration until a rebuild): unknown, not zero.
ALTER TABLE inventory
    ADD COLUMN copies_skipped   BIGINT,
    ADD COLUMN not_checked      BIGINT,
    ADD COLUMN scanned_on_loan  BIGINT,
    ADD COLUMN unknown_barcodes BIGINT;
