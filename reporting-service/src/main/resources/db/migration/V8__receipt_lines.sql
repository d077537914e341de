-- Receipt lines from acquisitions.receipts.v1 (ItemsReceived): one row per receipt line, taken in once (a line
-- published again changes nothing). Spending is what was received: quantity x unit price, exact, in its currency.
-- line_kind: LIBRARY or TEXTBOOK. site_code: the destination site (or DISTRICT, central processing).
CREATE TABLE receipt_line (
    receipt_line_id UUID PRIMARY KEY,
    receipt_id      UUID NOT NULL,
    order_id        UUID,
    order_line_id   UUID,
    site_code       TEXT NOT NULL,
    vendor          TEXT NOT NULL,
    fund_code       TEXT NOT NULL,
    line_kind       TEXT NOT NULL,
    material_type   TEXT NOT NULL,
    title_id        UUID,
    quantity        INTEGER NOT NULL,
    unit_price      NUMERIC NOT NULL,
    currency        TEXT NOT NULL,
    amount          NUMERIC NOT NULL,
    received_on     DATE NOT NULL
);
CREATE INDEX receipt_line_site_idx ON receipt_line (site_code, received_on);
CREATE INDEX receipt_line_received_idx ON receipt_line (received_on);
