-- MARC imports that run after their request (Prefer: respond-async): when the job last moved, and why it failed.
-- A job still RUNNING that no process carries on (the service stopped) is marked FAILED with its reason.
ALTER TABLE marc_import ADD COLUMN progress_at TIMESTAMPTZ;
ALTER TABLE marc_import ADD COLUMN failure TEXT;
UPDATE marc_import SET progress_at = coalesce(finished_at, started_at);
ALTER TABLE marc_import ALTER COLUMN progress_at SET NOT NULL;
CREATE INDEX marc_import_running_idx ON marc_import (progress_at) WHERE status = 'RUNNING';
