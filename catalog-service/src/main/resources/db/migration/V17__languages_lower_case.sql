-- Languages were stored as typed ("ENG") while search looks for the lower-case MARC code ("eng"): titles entered in
-- capitals were in the language facet but no language filter found them. The service now stores the code in lower
-- case; this brings older rows in line. Other values (not three letters) are left as they are, for staff to correct.
UPDATE title SET language = lower(btrim(language))
 WHERE language IS NOT NULL AND language IS DISTINCT FROM lower(btrim(language));
