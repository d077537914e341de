-- A loan declared lost whose copy had no price got no LOST fee, so nothing could ever settle it, and it kept counting
-- as overdue (and towards the overdue block) for good. The sweep now settles such a loan when it declares it lost
-- (LoanSweeper); this settles the ones declared before. A loan with a LOST fee, open or settled, is not touched.
UPDATE loan l SET lost_settled_at = now()
WHERE l.lost_at IS NOT NULL AND l.returned_at IS NULL AND l.lost_settled_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM fee f WHERE f.loan_id = l.id AND f.kind = 'LOST');
