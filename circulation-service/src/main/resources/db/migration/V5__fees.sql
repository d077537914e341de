-- One ledger per patron: fees, and the payments and waivers against them. Exact decimals.
CREATE TABLE fee (
    id          uuid PRIMARY KEY,
    patron_id   uuid NOT NULL REFERENCES patron (id),
    site_code   text NOT NULL,
    kind        text NOT NULL,
    amount      numeric(10, 2) NOT NULL CHECK (amount > 0),
    balance     numeric(10, 2) NOT NULL CHECK (balance >= 0),
    status      text NOT NULL,
    loan_id     uuid,
    copy_id     uuid,
    note        text,
    created_at  timestamptz NOT NULL,
    created_by  text NOT NULL,
    version     integer NOT NULL DEFAULT 0
);
CREATE INDEX fee_open_per_patron ON fee (patron_id) WHERE status = 'OPEN';

CREATE TABLE fee_transaction (
    id          uuid PRIMARY KEY,
    fee_id      uuid NOT NULL REFERENCES fee (id),
    kind        text NOT NULL,          -- PAYMENT, WAIVER
    amount      numeric(10, 2) NOT NULL CHECK (amount > 0),
    method      text,
    reason      text,
    receipt_no  text NOT NULL,
    at          timestamptz NOT NULL,
    by_user     text NOT NULL
);
CREATE INDEX fee_transaction_fee ON fee_transaction (fee_id);

ALTER TABLE patron ADD COLUMN fee_balance numeric(10, 2) NOT NULL DEFAULT 0;
