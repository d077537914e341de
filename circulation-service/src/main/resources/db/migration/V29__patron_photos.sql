-- A patron's picture (the school-photo vendor's yearly zip, or one staff upload), shown at the desk so staff can tell
-- that the child at the desk is the card's owner. One per patron, replaced by the next; kept apart from patron so that
-- the desk's patron reads never carry it. It goes with its patron (ON DELETE CASCADE).
CREATE TABLE patron_photo (
    patron_id    uuid PRIMARY KEY REFERENCES patron (id) ON DELETE CASCADE,
    content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
    image        bytea NOT NULL,
    byte_count   integer NOT NULL CHECK (byte_count > 0),
    width        integer NOT NULL CHECK (width > 0),
    height       integer NOT NULL CHECK (height > 0),
    updated_at   timestamptz NOT NULL,
    updated_by   text NOT NULL
);
-- JPEG and PNG are compressed already: TOAST stores them out of line without trying to compress them again.
ALTER TABLE patron_photo ALTER COLUMN image SET STORAGE EXTERNAL;
