-- Where a copy stands on its shelf (from the catalog's copy events), so the hold pull list is in shelf order
-- without calling the catalog. Copies replicated before this change get it with their next catalog event.
ALTER TABLE copy ADD COLUMN call_number text;
ALTER TABLE copy ADD COLUMN shelf_location text;
