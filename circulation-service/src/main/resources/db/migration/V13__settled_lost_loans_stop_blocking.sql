-- A loan declared lost whose LOST fee is settled (paid or waived): the patron has paid for the copy (or was let off),
-- so the loan no longer counts as overdue nor towards the overdue block. It stays open: a return still refunds.
ALTER TABLE loan ADD COLUMN lost_settled_at timestamptz;

UPDATE loan l SET lost_settled_at = now()
WHERE l.lost_at IS NOT NULL AND l.returned_at IS NULL
  AND EXISTS (SELECT 1 FROM fee f WHERE f.loan_id = l.id AND f.kind = 'LOST' AND f.status IN ('PAID', 'WAIVED'))
  AND NOT EXISTS (SELECT 1 FROM fee f WHERE f.loan_id = l.id AND f.kind = 'LOST' AND f.status = 'OPEN');
