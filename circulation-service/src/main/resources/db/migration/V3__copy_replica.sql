-- Local replica of the catalog's copies (from catalog.copies.v1), so the desk never calls the catalog.
-- catalog_status is the catalog's word; circulation keeps its own circulation_state (loans, hold shelf, transit),
-- so a late catalog event never undoes a check-out.
CREATE TABLE copy (
    id                 uuid PRIMARY KEY,
    barcode            text NOT NULL UNIQUE,
    title_id           uuid,
    title              text,
    site_code          text NOT NULL,
    catalog_status     text NOT NULL,
    circulation_state  text NOT NULL DEFAULT 'AVAILABLE',
    circulation_type   text,
    material_type      text,
    dewey_number       text,
    price              numeric(10, 2),
    withdrawn          boolean NOT NULL DEFAULT false,
    in_transit_to      text,
    catalog_updated_at timestamptz NOT NULL
);
CREATE INDEX copy_title ON copy (title_id);
