-- Answers of Idempotency-Key requests are kept for a period only (IdempotencyRetention): the hourly deletion
-- finds them by age, a chunk at a time.
CREATE INDEX idempotent_request_created ON idempotent_request (created_at);
