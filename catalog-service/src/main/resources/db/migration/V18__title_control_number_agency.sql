-- A control number (MARC 001) identifies a record only together with the agency whose number it is (003): two
-- vendors' files may both hold a record "123". Imports match on the control number only when the agencies agree.
ALTER TABLE title ADD COLUMN control_number_agency TEXT;

-- titles imported before: the agency of their kept MARC source, where it has one
UPDATE title
   SET control_number_agency = nullif(btrim(substring(marc_source
           FROM '<(?:marc:)?controlfield tag="003">([^<]*)</(?:marc:)?controlfield>')), '')
 WHERE control_number IS NOT NULL AND marc_source LIKE '%tag="003"%';
