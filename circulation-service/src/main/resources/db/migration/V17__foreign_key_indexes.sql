-- Foreign keys whose referencing column had no index its reads can use (pg_constraint joined to pg_index: the
-- listing is in the README). Patrons and sites are never deleted and their keys never change, so no foreign key
-- check ever searches the referencing tables; an index is added only where a read needs it.

-- fee.patron_id: the patron's ledger lists every fee, oldest first (FeeLedger.fees, GET /patrons/{id}/fees): the
-- partial fee_open_per_patron (status = 'OPEN') cannot serve it, so the ledger scanned every fee of the district.
-- With created_at it also serves what the partial index served (open fees oldest first for a payment, a grade's
-- open fees for a bulk waiver: a patron has a handful of fees), so it replaces it rather than doubling it.
CREATE INDEX fee_patron ON fee (patron_id, created_at);
DROP INDEX fee_open_per_patron;

-- hold.pickup_site: a site's holds by status, in the order they were placed (HoldService.atSite, the hold shelf
-- GET /holds?site=&status=ON_SHELF): nothing indexed the pickup site, so the list read every hold on any shelf
-- (ON_SHELF) or every hold of the district (other statuses), then sorted.
CREATE INDEX hold_pickup_site ON hold (pickup_site, status, placed_at);

-- Left without one on purpose: notice.patron_id, roster_enrollment.patron_id and roster_class.site_code (no read
-- filters by them); loan.patron_id, loan.copy_id and hold.patron_id keep their partial indexes, which serve every
-- read there is (a patron's open or closed loans, a copy's open loan, a patron's active holds; replica copies are
-- never deleted).
