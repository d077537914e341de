-- The catalog's shelf-order key of each copy's call number (CopySnapshot.shelfKey): the hold pull list sorts by it.
-- Copies replicated before it have none until their next catalog event; they sort by the call number as written.
ALTER TABLE copy ADD COLUMN shelf_key TEXT;
