-- Every transaction of an offline batch, whatever became of it, keyed by the desk's transaction as recorded (site,
-- id, type, time, item, patron) and not by who uploads it: uploading a batch again, by anyone, changes nothing and
-- answers each transaction's first outcome. Kept apart from idempotent_request (retried HTTP requests, kept for a
-- short while): an offline transaction may be up to 30 days old when uploaded, so its key must outlive that.
CREATE TABLE offline_transaction (
    transaction_key  text PRIMARY KEY,
    site_code        text NOT NULL,
    transaction_id   text NOT NULL,
    type             text NOT NULL,
    at               timestamptz NOT NULL,
    item_barcode     text NOT NULL,
    patron_barcode   text,
    applied          boolean NOT NULL,
    code             text,
    detail           text,
    uploaded_by      text NOT NULL,
    uploaded_at      timestamptz NOT NULL
);
