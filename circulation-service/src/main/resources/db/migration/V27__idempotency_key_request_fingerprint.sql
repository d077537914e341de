-- An Idempotency-Key stands for one request: its fingerprint (SHA-256 of the request as JSON) tells a retry from
-- another request sent with the same key, which is refused. Rows kept before have none and replay as before.
-- A nullable column without a default: no table rewrite.
ALTER TABLE idempotent_request ADD COLUMN request_fingerprint text;
