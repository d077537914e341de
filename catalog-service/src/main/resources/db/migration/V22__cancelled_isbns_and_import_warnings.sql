-- MARC 020 $z: a record's cancelled or invalid ISBNs. An 020 $a whose check digit fails was dropped on import and lost
-- on export; it is now kept here with the record's own 020 $z values, written back as 020 $z on export, and never
-- matched or searched as an ISBN. Titles imported before keep their MARC source, which still holds those values.
ALTER TABLE title ADD COLUMN cancelled_isbns TEXT[] NOT NULL DEFAULT '{}';

-- An import's warnings: records imported whole but with something to look at (an invalid ISBN kept as cancelled),
-- [{recordNumber, controlNumber, reason}], the first 1000, and how many records were warned about.
ALTER TABLE marc_import ADD COLUMN warned INTEGER NOT NULL DEFAULT 0;
ALTER TABLE marc_import ADD COLUMN warnings JSONB NOT NULL DEFAULT '[]';
