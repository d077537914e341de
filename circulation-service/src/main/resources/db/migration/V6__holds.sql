-- Holds on a title (any copy) or one copy; queue by priority then date.
CREATE TABLE hold (
    id                uuid PRIMARY KEY,
    title_id          uuid NOT NULL,
    copy_id           uuid,                 -- a hold on one copy; null for any copy of the title
    patron_id         uuid NOT NULL REFERENCES patron (id),
    patron_key        text NOT NULL,
    patron_type       text NOT NULL,
    patron_grade      text,
    pickup_site       text NOT NULL REFERENCES site (code),
    status            text NOT NULL,        -- WAITING, IN_TRANSIT, ON_SHELF, FILLED, CANCELLED, EXPIRED
    priority          integer NOT NULL DEFAULT 0,
    placed_at         timestamptz NOT NULL,
    assigned_copy_id  uuid,
    shelf_expires_on  date,
    closed_at         timestamptz,
    version           integer NOT NULL DEFAULT 0
);
CREATE INDEX hold_waiting_title ON hold (title_id, priority DESC, placed_at) WHERE status = 'WAITING';
CREATE INDEX hold_assigned_copy ON hold (assigned_copy_id) WHERE status IN ('IN_TRANSIT', 'ON_SHELF');
CREATE INDEX hold_patron ON hold (patron_id) WHERE status IN ('WAITING', 'IN_TRANSIT', 'ON_SHELF');
CREATE INDEX hold_shelf_expiry ON hold (shelf_expires_on) WHERE status = 'ON_SHELF';
